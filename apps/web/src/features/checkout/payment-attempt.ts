// One idempotency key per payment attempt, and when a payment is final: a double click or a retry after a network failure
// reuses it (so the fan is never charged twice); new card details or a finished attempt get a new one.
import type { CheckoutStatusResponse, PayResponse } from '@tessera/contracts/checkout';

export interface PaymentAttempt {
  key: string;
  /** The hold and card details the key was used for. */
  fingerprint: string;
  /** The server gave a final answer (declined, failed): the next submit is a new attempt. */
  settled: boolean;
}

export const attemptFor = ({
  previous,
  fingerprint,
  newKey,
}: {
  previous: PaymentAttempt | null;
  fingerprint: string;
  newKey: () => string;
}): PaymentAttempt =>
  previous && !previous.settled && previous.fingerprint === fingerprint
    ? previous
    : { key: newKey(), fingerprint, settled: false };

export type PaymentOutcome = PayResponse | CheckoutStatusResponse;

/** Final unless still processing, or succeeded but the order is not confirmed yet. */
export const isFinal = (outcome: Pick<PayResponse, 'status' | 'orderId'> | undefined) =>
  outcome !== undefined &&
  outcome.status !== 'PENDING' &&
  !(outcome.status === 'SUCCEEDED' && outcome.orderId === null);
