// orders.mine and orders.get: a fan's own orders; each order seat is a ticket with a signed QR.
import type { PrismaClient } from '@tessera/db/client';
import type { OrderDetail, OrderSummary } from '@tessera/contracts/orders';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { ticketQrDataUrl } from './ticket-qr.ts';
import { signTicketId } from './ticket-signature.ts';

const SUMMARY_SELECT = {
  id: true,
  status: true,
  totalCents: true,
  currency: true,
  createdAt: true,
  confirmedAt: true,
  _count: { select: { seats: true } },
  event: {
    select: {
      id: true,
      title: true,
      startsAt: true,
      city: true,
      venue: { select: { name: true } },
    },
  },
} as const;

type SummaryRow = {
  id: string;
  status: OrderSummary['status'];
  totalCents: number;
  currency: string;
  createdAt: Date;
  confirmedAt: Date | null;
  _count: { seats: number };
  event: { id: string; title: string; startsAt: Date; city: string; venue: { name: string } };
};

const toSummary = (row: SummaryRow): OrderSummary => ({
  id: row.id,
  status: row.status,
  totalCents: row.totalCents,
  currency: row.currency,
  createdAt: row.createdAt.toISOString(),
  confirmedAt: row.confirmedAt?.toISOString() ?? null,
  ticketCount: row._count.seats,
  event: {
    id: row.event.id,
    title: row.event.title,
    startsAt: row.event.startsAt.toISOString(),
    venueName: row.event.venue.name,
    city: row.event.city,
  },
});

export const listMyOrders = async ({
  prisma,
  userId,
}: {
  prisma: PrismaClient;
  userId: string;
}) => {
  const rows = await prisma.order.findMany({
    where: { userId, status: { not: 'PENDING' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
    select: SUMMARY_SELECT,
  });
  return { items: rows.map(toSummary) };
};

export const getMyOrder = async ({
  prisma,
  userId,
  orderId,
  ticketSecret,
}: {
  prisma: PrismaClient;
  userId: string;
  orderId: string;
  ticketSecret: string;
}): Promise<OrderDetail> => {
  const row = await prisma.order.findFirst({
    where: { id: orderId, userId },
    select: {
      ...SUMMARY_SELECT,
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
    },
  });
  if (!row) {
    throw new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'We could not find that order.' });
  }
  const tickets = await Promise.all(
    row.seats.map(async (s) => {
      const signedId = signTicketId({ ticketId: s.id, secret: ticketSecret });
      return {
        id: s.id,
        seatId: s.seatId,
        section: s.seat.section.name,
        row: s.seat.row.label,
        seat: s.seat.label,
        label: `${s.seat.section.name}, row ${s.seat.row.label}, seat ${s.seat.label}`,
        tierName: s.seat.priceTier.name,
        priceCents: s.priceCents,
        status: s.status,
        signedId,
        qrCode: await ticketQrDataUrl(signedId),
      };
    }),
  );
  return { ...toSummary(row), tickets };
};
