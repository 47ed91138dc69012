// Charge, then commit the sale in Postgres, then mark the seats sold in Redis; only after all
// three is the order confirmed. Any path where the hold lapsed refunds the charge automatically.
import type { PayResponse } from '@tessera/contracts/checkout';
import { HoldRefusedError } from '../holds/hold-refusal.ts';
import { eventKeys } from '../holds/keys.ts';
import { ensureEventLoaded } from '../holds/load-event-seat-state.ts';
import { releaseHold } from '../holds/release-hold.ts';
import { sellHold } from '../holds/sell-hold.ts';
import type { CardDetails } from '../payments/payment-provider.ts';
import { consumeAdmission } from '../waiting-room/consume-admission.ts';
import { findWaitingRoomWindow } from '../waiting-room/find-waiting-room-window.ts';
import type { CheckoutDeps } from './checkout-deps.ts';
import { seatInfoOf } from './event-sale-info.ts';
import type { HoldRecord } from './hold-records.store.ts';
import { FailureReason, paymentUserMessage } from './payment-messages.ts';
import { commitSale, undoSale } from './sale.repository.ts';

type Payment = { id: string; amountCents: number };

const result = (
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
const markSoldInRedis = async (deps: CheckoutDeps, hold: HoldRecord): Promise<boolean> => {
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

const releaseQuietly = async (deps: CheckoutDeps, hold: HoldRecord) => {
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
const consumeFanAdmission = async (deps: CheckoutDeps, hold: HoldRecord) => {
  try {
    const store = { redis: deps.redis, prefix: deps.prefix, eventId: hold.eventId };
    const window = await findWaitingRoomWindow(store);
    if (window)
      await consumeAdmission({ ...store, windowId: window.windowId, userId: hold.userId });
  } catch {
    // Nothing to undo: see above.
  }
};

export const chargeAndConfirm = async (
  deps: CheckoutDeps,
  { hold, payment, card }: { hold: HoldRecord; payment: Payment; card: CardDetails },
): Promise<PayResponse> => {
  const { prisma, provider } = deps;
  const info = await deps.saleInfo.get(hold.eventId);
  const charge = await provider.charge({
    paymentId: payment.id,
    amountCents: payment.amountCents,
    currency: info.currency,
    card,
    holdExpiresAt: hold.expiresAt,
  });
  if (charge.status === 'DECLINED') {
    await prisma.payment.update({
      where: { id: payment.id },
      data: { status: 'DECLINED', failureReason: FailureReason.CARD_DECLINED },
    });
    return result(payment.id, 'DECLINED', FailureReason.CARD_DECLINED);
  }
  const refund = async (reason: string) => {
    await provider.refund({ providerRef: charge.providerRef, amountCents: payment.amountCents });
    await prisma.payment.update({
      where: { id: payment.id },
      data: { status: 'REFUNDED', failureReason: reason, providerRef: charge.providerRef },
    });
    return result(payment.id, 'REFUNDED', reason);
  };
  if (charge.settledAt >= hold.expiresAt) {
    await releaseQuietly(deps, hold);
    return refund(FailureReason.HOLD_EXPIRED);
  }
  const sale = await commitSale({
    prisma,
    hold,
    paymentId: payment.id,
    providerRef: charge.providerRef,
    lines: hold.seatIds.map((seatId) => ({
      seatId,
      priceCents: seatInfoOf(info, seatId).priceCents,
    })),
    currency: info.currency,
  });
  if (sale.kind === 'already-paid') return refund(FailureReason.ALREADY_PAID);
  if (sale.kind === 'seat-taken') {
    await releaseQuietly(deps, hold);
    return refund(FailureReason.SEAT_TAKEN);
  }
  if (await markSoldInRedis(deps, hold)) {
    await consumeFanAdmission(deps, hold);
    return result(payment.id, 'SUCCEEDED', null, sale.orderId);
  }
  await provider.refund({ providerRef: charge.providerRef, amountCents: payment.amountCents });
  await undoSale({ prisma, hold, orderId: sale.orderId, paymentId: payment.id });
  return result(payment.id, 'REFUNDED', FailureReason.HOLD_EXPIRED);
};
