// Refunds one order: Postgres first (the order claimed once, its tickets released so the
// sold_guard lets the seats sell again, seats_sold lowered), then Redis returns the seats to sale
// (refund-4: version bump + stream entry, so the live seat map and reconciliation see it), then
// the provider returns the money. The claim makes a refund happen once; a provider failure leaves
// the payment SUCCEEDED, and refunding again retries only the money. A processor that does not
// answer within the checkout's provider timeout counts as a failure (the admin is told to retry;
// the processor refunds a charge once however often it is asked).
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { AdminDeps } from '../admin-events/admin-deps.ts';
import { returnRefundedSeats } from '../holds/return-refunded-seats.ts';
import { refundWithTimeout } from '../payments/provider-timeouts.ts';

export type RefundReason = 'admin_refund' | 'event_cancelled';

export interface RefundOrderOptions {
  deps: AdminDeps;
  orderId: string;
  reason: RefundReason;
}

export interface RefundOutcome {
  /** False when the order had been refunded before (only its money may have been retried). */
  claimed: boolean;
  seatsReleased: number;
  refundedCents: number;
}

const notFound = () =>
  new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'We could not find that order.' });

const readOrder = (deps: AdminDeps, orderId: string) =>
  deps.prisma.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      eventId: true,
      holdId: true,
      seats: { where: { status: 'SOLD' }, select: { seatId: true } },
      payments: {
        where: { status: 'SUCCEEDED' },
        select: { id: true, providerRef: true, amountCents: true },
      },
    },
  });

/** Moves the order out of CONFIRMED and releases its tickets; false if someone else did first. */
const claimOrder = async (
  deps: AdminDeps,
  order: { id: string; eventId: string },
  reason: RefundReason,
) => {
  const finalStatus = reason === 'event_cancelled' ? 'CANCELLED' : 'REFUNDED';
  return deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.order.updateMany({
      where: { id: order.id, status: 'CONFIRMED' },
      data: { status: finalStatus },
    });
    if (claimed.count === 0) return null;
    const seats = await tx.orderSeat.findMany({
      where: { orderId: order.id, status: 'SOLD' },
      select: { seatId: true },
    });
    // NULL sold_guard: the unique (event, seat, sold_guard) no longer counts these tickets.
    await tx.orderSeat.updateMany({
      where: { orderId: order.id, status: 'SOLD' },
      data: { status: finalStatus, soldGuard: null },
    });
    await tx.event.update({
      where: { id: order.eventId },
      data: { seatsSold: { decrement: seats.length } },
    });
    return seats.map((s) => s.seatId);
  });
};

/**
 * Each payment is claimed (SUCCEEDED -> REFUNDED) before the provider is asked, so two refunds
 * racing never return the money twice; a provider failure puts the claim back for a retry.
 */
const refundPayments = async (
  deps: AdminDeps,
  payments: Array<{ id: string; providerRef: string | null; amountCents: number }>,
  reason: RefundReason,
) => {
  let refundedCents = 0;
  for (const payment of payments) {
    const claimed = await deps.prisma.payment.updateMany({
      where: { id: payment.id, status: 'SUCCEEDED' },
      data: { status: 'REFUNDED', failureReason: reason },
    });
    if (claimed.count === 0) continue;
    try {
      if (payment.providerRef) {
        await refundWithTimeout(
          deps.provider,
          { providerRef: payment.providerRef, amountCents: payment.amountCents },
          deps.chargeTimeoutMs,
        );
      }
    } catch (error) {
      await deps.prisma.payment.update({
        where: { id: payment.id },
        data: { status: 'SUCCEEDED', failureReason: null },
      });
      throw error;
    }
    refundedCents += payment.amountCents;
  }
  return refundedCents;
};

export const refundOrder = async ({
  deps,
  orderId,
  reason,
}: RefundOrderOptions): Promise<RefundOutcome> => {
  const order = await readOrder(deps, orderId);
  if (!order) throw notFound();
  if (order.status === 'PENDING') {
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: 'This order was never paid, so there is nothing to refund.',
    });
  }
  const seatIds = order.status === 'CONFIRMED' ? await claimOrder(deps, order, reason) : null;
  const alreadyRefunded = () =>
    new AppError(AppErrorCode.CONFLICT, { userMessage: 'This order has already been refunded.' });
  if (!seatIds && order.payments.length === 0) throw alreadyRefunded();
  // Read as confirmed but claimed by someone else meanwhile: that refund returns the money too.
  if (!seatIds && order.status === 'CONFIRMED') throw alreadyRefunded();
  let seatsReleased = 0;
  if (seatIds) {
    await returnRefundedSeats({
      redis: deps.redis,
      prefix: deps.prefix,
      eventId: order.eventId,
      holdId: order.holdId,
      seatIds,
    });
    seatsReleased = seatIds.length;
  }
  let refundedCents: number;
  try {
    refundedCents = await refundPayments(deps, order.payments, reason);
  } catch (error) {
    throw new AppError(AppErrorCode.SERVICE_UNAVAILABLE, {
      userMessage:
        'The tickets were released but the payment provider did not confirm the refund. Refund the order again to retry the payment.',
      cause: error,
    });
  }
  // Someone else refunded this order (seats and money) while we read it.
  if (!seatIds && refundedCents === 0) throw alreadyRefunded();
  return { claimed: seatIds !== null, seatsReleased, refundedCents };
};
