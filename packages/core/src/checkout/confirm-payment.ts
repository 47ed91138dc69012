// After a charge (charge-payment.ts): commit the sale in Postgres, then mark the seats sold in
// Redis; only after both is the order confirmed. Any path where the hold lapsed refunds the charge.
// Every step may be re-run for the same payment (a retry taking over a dead attempt, the worker's
// recovery sweep, or both at once): the charge is idempotent per payment id, only a PENDING payment
// may succeed or be refunded, and a sale already committed by this payment is a success.
import type { PayResponse } from '@tessera/contracts/checkout';
import { HoldRefusedError } from '../holds/hold-refusal.ts';
import { eventKeys } from '../holds/keys.ts';
import { ensureEventLoaded } from '../holds/load-event-seat-state.ts';
import { releaseHold } from '../holds/release-hold.ts';
import { sellHold } from '../holds/sell-hold.ts';
import type { ChargeResult } from '../payments/payment-provider.ts';
import { refundWithTimeout } from '../payments/provider-timeouts.ts';
import { consumeAdmission } from '../waiting-room/consume-admission.ts';
import { findWaitingRoomWindow } from '../waiting-room/find-waiting-room-window.ts';
import type { PaymentDeps } from './checkout-deps.ts';
import { seatInfoOf } from './event-sale-info.ts';
import type { HoldRecord } from './hold-records.store.ts';
import { FailureReason, paymentUserMessage } from './payment-messages.ts';
import { commitSale, undoSale } from './sale.repository.ts';

export const paymentResult = (
  paymentId: string,
  status: PayResponse['status'],
  reason: string | null,
  orderId: string | null = null,
): PayResponse => ({
  paymentId,
  status,
  orderId,
  userMessage: paymentUserMessage(status, reason),
});

/** After a commit: true when Redis agrees the seats are now sold (sold just now or rebuilt from Postgres). */
const markSoldInRedis = async (deps: PaymentDeps, hold: HoldRecord): Promise<boolean> => {
  const store = { ...deps, eventId: hold.eventId, holdId: hold.holdId, userId: hold.userId };
  try {
    await sellHold(store);
    return true;
  } catch (error) {
    if (!(error instanceof HoldRefusedError)) throw error;
    if (error.refusal === 'ALREADY_SOLD') return true;
    if (error.refusal === 'EVENT_NOT_LOADED') {
      // Redis lost the event: a rebuild reads the committed sale from Postgres as sold.
      await ensureEventLoaded(store);
      return true;
    }
    if (error.refusal === 'HOLD_EXPIRED') return false;
    const states = await deps.redis.hmget(eventKeys(store).seats, ...hold.seatIds.map(String));
    return states.every((state) => state === 's');
  }
};

const releaseQuietly = async (deps: PaymentDeps, hold: HoldRecord) => {
  await releaseHold({
    ...deps,
    eventId: hold.eventId,
    holdId: hold.holdId,
    userId: hold.userId,
  }).catch(() => undefined);
};

/**
 * The fan's order completed: their waiting-room admission (if the sale runs one) is used up. Best
 * effort: the sale is already committed, and an admission left unconsumed still ends with its session.
 */
const consumeFanAdmission = async (deps: PaymentDeps, hold: HoldRecord) => {
  try {
    const store = { redis: deps.redis, prefix: deps.prefix, eventId: hold.eventId };
    const window = await findWaitingRoomWindow(store);
    if (window)
      await consumeAdmission({ ...store, windowId: window.windowId, userId: hold.userId });
  } catch {
    // Nothing to undo: see above.
  }
};

type Payment = { id: string; amountCents: number };
type Charged = Extract<ChargeResult, { status: 'SUCCEEDED' }>;

/**
 * Refunds the charge unless the payment was settled meanwhile: the status moves first (only from
 * PENDING, or from FAILED when a sweep judged it uncharged), so a payment that succeeded is never
 * refunded; if the provider's refund throws or times out, the payment goes back to PENDING for the
 * next try (the provider refunds a charge once however often it is asked).
 */
export const refundCharge = async (
  deps: PaymentDeps,
  hold: HoldRecord,
  payment: Payment,
  charge: Charged,
  reason: string,
): Promise<PayResponse> => {
  const { count } = await deps.prisma.payment.updateMany({
    where: { id: payment.id, status: { in: ['PENDING', 'FAILED'] } },
    data: { status: 'REFUNDED', failureReason: reason, providerRef: charge.providerRef },
  });
  if (count === 0) return settledOutcome(deps, hold, payment, charge);
  try {
    await refundWithTimeout(
      deps.provider,
      { providerRef: charge.providerRef, amountCents: payment.amountCents },
      deps.chargeTimeoutMs,
    );
  } catch (error) {
    await deps.prisma.payment.updateMany({
      where: { id: payment.id, status: 'REFUNDED' },
      data: { status: 'PENDING', failureReason: null },
    });
    throw error;
  }
  return paymentResult(payment.id, 'REFUNDED', reason);
};

/** The sale is committed for this payment: make Redis agree, or undo it if the hold lapsed there. */
export const finishCommittedSale = async (
  deps: PaymentDeps,
  {
    hold,
    payment,
    orderId,
    providerRef,
  }: {
    hold: HoldRecord;
    payment: Payment;
    orderId: string;
    providerRef: string | null;
  },
): Promise<PayResponse> => {
  if (await markSoldInRedis(deps, hold)) {
    await consumeFanAdmission(deps, hold);
    return paymentResult(payment.id, 'SUCCEEDED', null, orderId);
  }
  if (providerRef) {
    const refund = { providerRef, amountCents: payment.amountCents };
    await refundWithTimeout(deps.provider, refund, deps.chargeTimeoutMs);
  }
  await undoSale({ prisma: deps.prisma, hold, orderId, paymentId: payment.id });
  return paymentResult(payment.id, 'REFUNDED', FailureReason.HOLD_EXPIRED);
};

/** Someone else settled the payment (a concurrent resumer, the sweep): report it, finishing a sale. */
const settledOutcome = async (
  deps: PaymentDeps,
  hold: HoldRecord,
  payment: Payment,
  charge: Charged,
): Promise<PayResponse> => {
  const current = await deps.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
  if (current.status === 'SUCCEEDED' && current.orderId) {
    return finishCommittedSale(deps, {
      hold,
      payment,
      orderId: current.orderId,
      providerRef: current.providerRef ?? charge.providerRef,
    });
  }
  if (current.status === 'PENDING') {
    throw new Error(`payment ${payment.id} is still PENDING after a refused settlement`);
  }
  return paymentResult(current.id, current.status, current.failureReason, current.orderId);
};

/** A successful charge is known: commit the sale, or refund it when the sale cannot happen. */
export const confirmCharge = async (
  deps: PaymentDeps,
  { hold, payment, charge }: { hold: HoldRecord; payment: Payment; charge: Charged },
): Promise<PayResponse> => {
  const info = await deps.saleInfo.get(hold.eventId);
  if (charge.settledAt >= hold.expiresAt) {
    await releaseQuietly(deps, hold);
    return refundCharge(deps, hold, payment, charge, FailureReason.HOLD_EXPIRED);
  }
  const sale = await commitSale({
    prisma: deps.prisma,
    hold,
    paymentId: payment.id,
    providerRef: charge.providerRef,
    lines: hold.seatIds.map((seatId) => ({
      seatId,
      priceCents: seatInfoOf(info, seatId).priceCents,
    })),
    currency: info.currency,
  });
  if (sale.kind === 'committed') {
    return finishCommittedSale(deps, {
      hold,
      payment,
      orderId: sale.orderId,
      providerRef: charge.providerRef,
    });
  }
  // 'already-paid' may be this very payment, committed by a concurrent attempt: never refund that.
  const current = await deps.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
  if (current.status === 'SUCCEEDED') return settledOutcome(deps, hold, payment, charge);
  if (sale.kind === 'already-paid') {
    return refundCharge(deps, hold, payment, charge, FailureReason.ALREADY_PAID);
  }
  if (sale.kind === 'seat-taken') {
    await releaseQuietly(deps, hold);
    return refundCharge(deps, hold, payment, charge, FailureReason.SEAT_TAKEN);
  }
  // payment-closed: settled elsewhere; a FAILED verdict ("not charged") is wrong now, so refund.
  if (current.status === 'FAILED') {
    return refundCharge(deps, hold, payment, charge, FailureReason.INTERRUPTED);
  }
  return settledOutcome(deps, hold, payment, charge);
};
