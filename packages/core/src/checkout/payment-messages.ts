// What a fan is told about a payment, from its status and the reason we recorded.
import type { PaymentStatus } from '@tessera/contracts/checkout';

export const FailureReason = {
  CARD_DECLINED: 'card_declined',
  HOLD_EXPIRED: 'hold_expired',
  SEAT_TAKEN: 'seat_taken',
  ALREADY_PAID: 'already_paid',
  /** The attempt died before the charge was known to have happened: nothing was taken. */
  NOT_CHARGED: 'not_charged',
  /** The attempt died after charging and could only be finished by refunding. */
  INTERRUPTED: 'interrupted',
  /** The attempt died and the provider cannot be asked whether it charged (no findCharge). */
  OUTCOME_UNKNOWN: 'outcome_unknown',
} as const;

export const paymentUserMessage = (status: PaymentStatus, reason: string | null): string => {
  switch (status) {
    case 'SUCCEEDED':
      return 'Payment received. Your tickets are confirmed.';
    case 'PENDING':
      return 'Your payment is being processed.';
    case 'DECLINED':
      return 'Your card was declined. Your seats are still held, so you can try another card.';
    case 'FAILED':
      if (reason === FailureReason.NOT_CHARGED)
        return 'Your payment was interrupted before your card was charged. Please pay again.';
      if (reason === FailureReason.OUTCOME_UNKNOWN)
        return 'Your payment was interrupted before your order was confirmed. Please pay again; if your card shows a charge for it, contact support.';
      return 'The payment could not be completed. You have not been charged.';
    case 'REFUNDED':
      if (reason === FailureReason.HOLD_EXPIRED)
        return 'Your payment went through after your hold expired, so we refunded it.';
      if (reason === FailureReason.SEAT_TAKEN)
        return 'A seat was sold to someone else before your payment completed, so we refunded it.';
      if (reason === FailureReason.ALREADY_PAID)
        return 'These seats were already paid for with another payment, so we refunded this one.';
      if (reason === FailureReason.INTERRUPTED)
        return 'Your payment was interrupted before your order could be confirmed, so we refunded it. Pick your seats again.';
      return 'This payment was refunded.';
  }
};
