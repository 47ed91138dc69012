// What happened to the payment: processing, declined, refunded (paid too late) or failed.
import type { PayResponse } from '@tessera/contracts/checkout';
import { Link } from 'react-router-dom';
import { buttonClasses } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';

interface PaymentOutcomeProps {
  outcome: Pick<PayResponse, 'status' | 'userMessage'> | undefined;
  processing: boolean;
  eventId: string;
}

export const PaymentOutcome = ({ outcome, processing, eventId }: PaymentOutcomeProps) => (
  <div aria-live="polite" aria-atomic="true" data-testid="payment-outcome">
    {processing ? (
      <p className="flex items-center gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
        <Spinner size="sm" /> Processing your payment… please keep this page open.
      </p>
    ) : outcome?.status === 'DECLINED' ? (
      <p
        className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        data-status="DECLINED"
      >
        {outcome.userMessage}
      </p>
    ) : outcome?.status === 'FAILED' ? (
      <p
        className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        data-status="FAILED"
      >
        {outcome.userMessage} Check the details and press Pay to try again.
      </p>
    ) : outcome?.status === 'REFUNDED' ? (
      <div
        className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
        data-status="REFUNDED"
      >
        <p className="font-semibold">No tickets this time</p>
        <p className="mt-1">{outcome.userMessage}</p>
        <Link to={`/events/${eventId}`} className={buttonClasses('secondary', 'mt-3')}>
          Back to the event
        </Link>
      </div>
    ) : null}
  </div>
);
