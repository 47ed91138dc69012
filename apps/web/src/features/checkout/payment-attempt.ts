// One idempotency key per payment attempt: a double click or a retry after a network failure
// reuses it (so the fan is never charged twice); new card details or a finished attempt get a new one.
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
