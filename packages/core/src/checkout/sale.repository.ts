// The Postgres side of a sale: the hold row a payment hangs on, the one-transaction commit of
// order + tickets + payment + seats_sold, and its reversal when Redis says the hold lapsed.
import type { PrismaClient } from '@tessera/db/client';
import { FailureReason } from './payment-messages.ts';
import type { HoldRecord } from './hold-records.store.ts';
import { isUniqueViolation, violatedTarget } from './unique-violation.ts';

/** Reconciliation may not have written the hold yet; payments reference it, so make sure it exists. */
export const ensureHoldRow = async ({
  prisma,
  hold,
}: {
  prisma: PrismaClient;
  hold: HoldRecord;
}) => {
  const expiresAt = new Date(hold.expiresAt);
  try {
    await prisma.hold.upsert({
      where: { id: hold.holdId },
      update: {},
      create: {
        id: hold.holdId,
        eventId: hold.eventId,
        userId: hold.userId,
        expiresAt,
        extendedAt: hold.extended ? new Date() : null,
        createdAt: new Date(hold.createdAt),
        seats: {
          create: hold.seatIds.map((seatId) => ({ seatId, eventId: hold.eventId, expiresAt })),
        },
      },
    });
  } catch (error) {
    // The reconciliation worker inserted it between our read and write: it exists, which is enough.
    if (!isUniqueViolation(error)) throw error;
  }
};

export interface SaleLines {
  prisma: PrismaClient;
  hold: HoldRecord;
  paymentId: string;
  providerRef: string;
  lines: Array<{ seatId: number; priceCents: number }>;
  currency: string;
}

export type SaleOutcome =
  | { kind: 'committed'; orderId: string }
  | { kind: 'seat-taken' }
  | { kind: 'already-paid' }
  /** The payment is no longer PENDING: another attempt (or the recovery sweep) settled it. */
  | { kind: 'payment-closed' };

class PaymentClosed extends Error {}

export const commitSale = async (sale: SaleLines): Promise<SaleOutcome> => {
  const { prisma, hold, lines } = sale;
  const totalCents = lines.reduce((sum, line) => sum + line.priceCents, 0);
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.hold.update({ where: { id: hold.holdId }, data: { status: 'CONVERTED' } });
      const order = await tx.order.create({
        data: {
          userId: hold.userId,
          eventId: hold.eventId,
          holdId: hold.holdId,
          status: 'CONFIRMED',
          confirmedAt: new Date(),
          totalCents,
          currency: sale.currency,
          seats: { create: lines.map((line) => ({ ...line, eventId: hold.eventId })) },
        },
        select: { id: true },
      });
      // Only a PENDING payment may succeed: never overwrite what another attempt settled.
      const { count } = await tx.payment.updateMany({
        where: { id: sale.paymentId, status: 'PENDING' },
        data: { status: 'SUCCEEDED', orderId: order.id, providerRef: sale.providerRef },
      });
      if (count === 0) throw new PaymentClosed();
      await tx.event.update({
        where: { id: hold.eventId },
        data: { seatsSold: { increment: lines.length } },
      });
      return { kind: 'committed' as const, orderId: order.id };
    });
  } catch (error) {
    if (error instanceof PaymentClosed) return { kind: 'payment-closed' };
    // The unique (event, seat, sold_guard) is the last guard against selling a seat twice.
    if (!isUniqueViolation(error)) throw error;
    return violatedTarget(error).includes('hold_id')
      ? { kind: 'already-paid' }
      : { kind: 'seat-taken' };
  }
};

/** Reverses a committed sale whose hold Redis no longer honours (it lapsed before sellHold). */
export const undoSale = async ({
  prisma,
  hold,
  orderId,
  paymentId,
}: {
  prisma: PrismaClient;
  hold: HoldRecord;
  orderId: string;
  paymentId: string;
}) => {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.orderSeat.updateMany({
      where: { orderId, status: 'SOLD' },
      data: { status: 'REFUNDED', soldGuard: null },
    });
    await tx.order.update({ where: { id: orderId }, data: { status: 'REFUNDED' } });
    await tx.payment.update({
      where: { id: paymentId },
      data: { status: 'REFUNDED', failureReason: FailureReason.HOLD_EXPIRED },
    });
    await tx.hold.update({ where: { id: hold.holdId }, data: { status: 'EXPIRED' } });
    await tx.event.update({
      where: { id: hold.eventId },
      data: { seatsSold: { decrement: count } },
    });
  });
};
