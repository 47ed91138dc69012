// checkout.pay with one idempotency key per attempt, then checkout.status polled until the
// payment is final; a confirmed order moves the fan to its confirmation page.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { trpc } from '../../lib/trpc.ts';
import { toPaymentMethod, type CardValues } from './card-details.ts';
import {
  attemptFor,
  isFinal,
  type PaymentAttempt,
  type PaymentOutcome,
} from './payment-attempt.ts';

const POLL_MS = 1_000;

export const usePayment = (holdId: string) => {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const attempt = useRef<PaymentAttempt | null>(null);
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const pay = trpc.checkout.pay.useMutation({
    onSuccess: (response) => {
      setPaymentId(response.paymentId);
      // Starting payment extends the hold once: show the new deadline.
      void utils.holds.mine.invalidate();
    },
  });
  const status = trpc.checkout.status.useQuery(
    { paymentId: paymentId ?? '' },
    {
      enabled: paymentId !== null && !isFinal(pay.data),
      staleTime: 0,
      refetchInterval: (query) => (isFinal(query.state.data) ? false : POLL_MS),
    },
  );
  const outcome: PaymentOutcome | undefined =
    status.data && status.data.paymentId === paymentId ? status.data : pay.data;
  const final = isFinal(outcome);

  useEffect(() => {
    if (!final || !outcome) return;
    if (attempt.current) attempt.current.settled = true;
    if (outcome.status === 'SUCCEEDED' && outcome.orderId) {
      void utils.orders.mine.invalidate();
      navigate(`/orders/${outcome.orderId}`, { replace: true });
    }
  }, [final, outcome, navigate, utils]);

  const submit = (values: CardValues) => {
    const paymentMethod = toPaymentMethod(values);
    attempt.current = attemptFor({
      previous: attempt.current,
      fingerprint: JSON.stringify([holdId, paymentMethod]),
      newKey: () => crypto.randomUUID(),
    });
    setPaymentId(null);
    pay.mutate({ holdId, paymentMethod, idempotencyKey: attempt.current.key });
  };

  const processing = pay.isPending || (outcome !== undefined && !final);
  return { submit, outcome: pay.isPending ? undefined : outcome, processing, error: pay.error };
};
