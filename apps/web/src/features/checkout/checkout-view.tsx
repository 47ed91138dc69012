// /checkout/:holdId body: summary with countdown, the test cards, the card form and the outcome.
import type { Hold } from '@tessera/contracts/holds';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { buttonClasses } from '../../components/button.tsx';
import { describeError, readAppError } from '../../lib/app-error.ts';
import { formatPrice } from '../../lib/format.ts';
import { useSession } from '../auth/use-session.ts';
import {
  cardErrorsFromServer,
  EMPTY_CARD,
  groupCardNumber,
  validateCard,
  type CardErrors,
} from './card-details.ts';
import { CardForm } from './card-form.tsx';
import { OrderSummary } from './order-summary.tsx';
import { PaymentOutcome } from './payment-outcome.tsx';
import { TestCardsBox } from './test-cards-box.tsx';
import { usePayment } from './use-payment.ts';

interface CheckoutViewProps {
  hold: Hold;
  active: boolean;
  event?: { title: string; startsAt: string; venue: { name: string } } | undefined;
  onHoldChanged: () => void;
}

export const CheckoutView = ({ hold, active, event, onHoldChanged }: CheckoutViewProps) => {
  const { user } = useSession();
  const payment = usePayment(hold.id);
  const [values, setValues] = useState({ ...EMPTY_CARD, name: user?.name ?? '' });
  const [errors, setErrors] = useState<CardErrors>({});
  const [expired, setExpired] = useState(false);
  const appError = readAppError(payment.error);
  const serverErrors = cardErrorsFromServer(appError?.fieldErrors);
  const holdGone = expired || appError?.code === 'HOLD_EXPIRED' || (!active && !payment.outcome);
  const refunded = payment.outcome?.status === 'REFUNDED';

  const submit = () => {
    const found = validateCard(values, new Date());
    setErrors(found);
    if (Object.keys(found).length === 0) payment.submit(values);
  };
  const useCard = (number: string) => {
    const year = String(new Date().getFullYear() + 2);
    setValues({
      name: values.name || user?.name || 'Test Fan',
      number: groupCardNumber(number),
      expMonth: '12',
      expYear: year,
      cvc: '123',
    });
    setErrors({});
  };
  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <div className="lg:order-last lg:col-span-2">
        <OrderSummary
          hold={hold}
          event={event}
          showCountdown={!refunded && !holdGone}
          onExpired={() => {
            setExpired(true);
            onHoldChanged();
          }}
        />
      </div>
      <div className="space-y-5 lg:col-span-3">
        {refunded ? null : holdGone && !payment.processing ? (
          <div
            role="alert"
            className="rounded-2xl border border-amber-300 bg-amber-50 p-5 text-amber-950"
          >
            <h2 className="font-semibold">Your hold has ended</h2>
            <p className="mt-1 text-sm">
              {appError?.code === 'HOLD_EXPIRED'
                ? appError.userMessage
                : 'The seats were released because the timer ran out. Pick seats again to buy tickets.'}
            </p>
            <Link to={`/events/${hold.eventId}`} className={buttonClasses('primary', 'mt-4')}>
              Pick seats again
            </Link>
          </div>
        ) : (
          <>
            <TestCardsBox onUse={useCard} />
            <section
              aria-label="Payment"
              className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 className="mb-4 text-lg font-semibold text-slate-900">Pay by card</h2>
              <CardForm
                values={values}
                errors={{ ...serverErrors, ...errors }}
                onChange={setValues}
                onSubmit={submit}
                pending={payment.processing}
                disabled={false}
                submitLabel={`Pay ${formatPrice(hold.totalCents, hold.currency)}`}
              />
              {payment.error && !appError?.fieldErrors && appError?.code !== 'HOLD_EXPIRED' && (
                <p
                  role="alert"
                  className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
                >
                  {describeError(payment.error)} Pressing Pay again is safe: you will not be charged
                  twice.
                </p>
              )}
            </section>
          </>
        )}
        <PaymentOutcome
          outcome={payment.outcome}
          processing={payment.processing}
          eventId={hold.eventId}
        />
      </div>
    </div>
  );
};
