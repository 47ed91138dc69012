// Postgres reads behind the admin event screens: one event with its venue tiers and order counts.
import type { PrismaClient } from '@tessera/db/client';

export const findAdminEventRow = (prisma: PrismaClient, id: string) =>
  prisma.event.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      description: true,
      category: true,
      city: true,
      startsAt: true,
      imageUrl: true,
      status: true,
      capacity: true,
      seatsSold: true,
      createdAt: true,
      updatedAt: true,
      venue: {
        select: {
          id: true,
          name: true,
          city: true,
          priceTiers: {
            orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
            select: {
              id: true,
              code: true,
              name: true,
              color: true,
              defaultPriceCents: true,
              _count: { select: { seats: true } },
            },
          },
        },
      },
      prices: { select: { priceTierId: true, priceCents: true, currency: true } },
    },
  });

export type AdminEventRow = NonNullable<Awaited<ReturnType<typeof findAdminEventRow>>>;

export const countOrdersByStatus = async (prisma: PrismaClient, eventId: string) => {
  const [groups, awaitingRefund] = await Promise.all([
    prisma.order.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } }),
    prisma.order.count({
      where: {
        eventId,
        status: { in: ['REFUNDED', 'CANCELLED'] },
        payments: { some: { status: 'SUCCEEDED' } },
      },
    }),
  ]);
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return {
    confirmed: count('CONFIRMED'),
    refunded: count('REFUNDED') + count('CANCELLED'),
    awaitingRefund,
  };
};

/** A venue's tiers and seat count: what an event on it can price and sell. */
export const findVenueForEvent = (prisma: PrismaClient, venueId: string) =>
  prisma.venue.findUnique({
    where: { id: venueId },
    select: {
      id: true,
      priceTiers: { select: { id: true } },
      _count: { select: { seats: true } },
    },
  });

export const listVenueOptions = (prisma: PrismaClient) =>
  prisma.venue.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 500,
    select: {
      id: true,
      name: true,
      city: true,
      _count: { select: { seats: true } },
      priceTiers: {
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
        select: { id: true, code: true, name: true, color: true, defaultPriceCents: true },
      },
    },
  });
