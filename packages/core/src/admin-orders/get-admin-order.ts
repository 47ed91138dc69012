// admin.orders.get: an order with its seats (tickets), payments and the refunds made on them.
import type { AdminOrderDetail } from '@tessera/contracts/admin';
import { AppErrorCode } from '@tessera/contracts/errors';
import type { PrismaClient } from '@tessera/db/client';
import { AppError } from '../errors/app-error.ts';
import { SUMMARY_SELECT, toAdminOrderSummary } from './list-orders.ts';

export const getAdminOrder = async ({
  prisma,
  orderId,
}: {
  prisma: PrismaClient;
  orderId: string;
}): Promise<AdminOrderDetail> => {
  const row = await prisma.order.findUnique({
    where: { id: orderId },
    select: {
      ...SUMMARY_SELECT,
      confirmedAt: true,
      event: { select: { id: true, title: true, startsAt: true, status: true } },
      seats: {
        orderBy: { seatId: 'asc' },
        select: {
          id: true,
          seatId: true,
          priceCents: true,
          status: true,
          seat: {
            select: {
              label: true,
              row: { select: { label: true } },
              section: { select: { name: true } },
              priceTier: { select: { name: true } },
            },
          },
        },
      },
      payments: {
        orderBy: { createdAt: 'desc' },
        select: {
          id: true,
          status: true,
          provider: true,
          providerRef: true,
          amountCents: true,
          currency: true,
          failureReason: true,
          createdAt: true,
          updatedAt: true,
        },
      },
    },
  });
  if (!row) {
    throw new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'We could not find that order.' });
  }
  const payments = row.payments.map((p) => ({
    ...p,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }));
  return {
    ...toAdminOrderSummary(row),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    event: {
      id: row.event.id,
      title: row.event.title,
      startsAt: row.event.startsAt.toISOString(),
      status: row.event.status,
    },
    seats: row.seats.map((s) => ({
      ticketId: s.id,
      seatId: s.seatId,
      label: `${s.seat.section.name}, row ${s.seat.row.label}, seat ${s.seat.label}`,
      tierName: s.seat.priceTier.name,
      priceCents: s.priceCents,
      status: s.status,
    })),
    payments,
    refunds: payments
      .filter((p) => p.status === 'REFUNDED')
      .map((p) => ({
        paymentId: p.id,
        amountCents: p.amountCents,
        currency: p.currency,
        reason: p.failureReason,
        at: p.updatedAt,
      })),
  };
};
