// Finishes a payment whose attempt died or gave up on the provider (taken over by a retry with the
// same key, or by the worker's sweep): ask the provider what it did under the payment id (or charge
// again with it: the provider answers with the original charge), commit, mark sold; or, when the
// hold is gone, refund whatever was charged.
import type { PayResponse } from '@tessera/contracts/checkout';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { CardDetails, ChargeResult } from '../payments/payment-provider.ts';
import { chargeUnderLease, findChargeUnderLease, settleCharge } from './charge-payment.ts';
import type { PaymentDeps } from './checkout-deps.ts';
import { finishCommittedSale, refundCharge } from './confirm-payment.ts';
import { findFanHold } from './find-fan-hold.ts';
import type { HoldRecord } from './hold-records.store.ts';
import { FailureReason, paymentUserMessage } from './payment-messages.ts';

/** The payment's hold as Redis knows it, or as Postgres last saw it (status 'x') once Redis forgot it. */
const holdForPayment = async (
  deps: PaymentDeps,
  payment: { holdId: string; userId: string },
): Promise<HoldRecord> => {
  try {
    return await findFanHold({ ...deps, userId: payment.userId, holdId: payment.holdId });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== AppErrorCode.NOT_FOUND) throw error;
  }
  const row = await deps.prisma.hold.findUniqueOrThrow({
    where: { id: payment.holdId },
    include: { seats: { select: { seatId: true } } },
  });
  return {
    holdId: row.id,
    eventId: row.eventId,
    status: 'x',
    expiresAt: row.expiresAt.getTime(),
    extended: row.extendedAt !== null,
    createdAt: row.createdAt.getTime(),
    userId: row.userId,
    seatIds: row.seats.map((seat) => seat.seatId),
  };
};

const outcomeOf = (payment: {
  id: string;
  status: PayResponse['status'];
  orderId: string | null;
  failureReason: string | null;
}): PayResponse => ({
  paymentId: payment.id,
  status: payment.status,
  orderId: payment.orderId,
  userMessage: paymentUserMessage(payment.status, payment.failureReason),
});

/**
 * Drives one payment to a final state. The caller must hold its lease (takeOverPayment). A charge
 * recorded on the payment or reported by the provider's findCharge counts: on a live hold it is
 * confirmed, otherwise refunded. With the card (a retry) and a live hold, a payment the provider
 * never saw is charged now; without a charge, it is closed as FAILED, not charged.
 */
export const resumePayment = async (
  deps: PaymentDeps,
  { paymentId, card }: { paymentId: string; card?: CardDetails },
): Promise<PayResponse> => {
  const { prisma } = deps;
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
  if (payment.status !== 'PENDING' && payment.status !== 'SUCCEEDED') return outcomeOf(payment);
  const hold = await holdForPayment(deps, payment);
  if (payment.status === 'SUCCEEDED') {
    // Committed, but the attempt died before Redis marked the seats sold (or before replying).
    return finishCommittedSale(deps, {
      hold,
      payment,
      orderId: payment.orderId!,
      providerRef: payment.providerRef,
    });
  }
  const live = hold.status === 'h' && hold.expiresAt > Date.now();
  let charge: ChargeResult | null = null;
  if (payment.providerRef) {
    // Recorded right after the charge; it settled before now, so a live hold was still live then.
    charge = { status: 'SUCCEEDED', providerRef: payment.providerRef, settledAt: Date.now() };
  } else if (deps.provider.findCharge) {
    charge = await findChargeUnderLease(deps, payment);
  }
  if (card && (live || !deps.provider.findCharge)) {
    // On a live hold, a payment the provider never saw is charged now. A provider that cannot be
    // asked is charged again instead: it answers a repeated payment id with the first charge.
    charge ??= await chargeUnderLease(deps, { hold, payment, card });
  }
  if (charge && live) return settleCharge(deps, { hold, payment, charge });
  if (charge?.status === 'SUCCEEDED') {
    // Sold in Redis to this hold yet this payment is PENDING: another payment of the hold won.
    const reason = hold.status === 's' ? FailureReason.ALREADY_PAID : FailureReason.INTERRUPTED;
    return refundCharge(deps, hold, payment, charge, reason);
  }
  // Without the card, a recorded charge or a provider to ask, whether money moved is unknown.
  const known = card !== undefined || deps.provider.findCharge !== undefined;
  const failureReason =
    charge?.status === 'DECLINED'
      ? FailureReason.CARD_DECLINED
      : known
        ? FailureReason.NOT_CHARGED
        : FailureReason.OUTCOME_UNKNOWN;
  await prisma.payment.updateMany({
    where: { id: payment.id, status: 'PENDING' },
    data: {
      status: failureReason === FailureReason.CARD_DECLINED ? 'DECLINED' : 'FAILED',
      failureReason,
    },
  });
  return outcomeOf(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } }));
};
