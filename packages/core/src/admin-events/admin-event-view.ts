// Shapes an event row into what the admin screens show: every venue tier with its event price.
import type { AdminEventDetail } from '@tessera/contracts/admin';
import { AppErrorCode } from '@tessera/contracts/errors';
import type { PrismaClient } from '@tessera/db/client';
import { AppError } from '../errors/app-error.ts';
import {
  countOrdersByStatus,
  findAdminEventRow,
  type AdminEventRow,
} from './admin-event.repository.ts';

export const eventNotFound = () =>
  new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'We could not find that event.' });

export const toAdminEventDetail = (
  row: AdminEventRow,
  orders: AdminEventDetail['orders'],
): AdminEventDetail => {
  const priceByTier = new Map(row.prices.map((p) => [p.priceTierId, p.priceCents]));
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    city: row.city,
    startsAt: row.startsAt.toISOString(),
    imageUrl: row.imageUrl,
    status: row.status,
    venue: { id: row.venue.id, name: row.venue.name, city: row.venue.city },
    capacity: row.capacity,
    seatsSold: row.seatsSold,
    currency: row.prices[0]?.currency ?? 'EUR',
    prices: row.venue.priceTiers.map((tier) => ({
      priceTierId: tier.id,
      code: tier.code,
      name: tier.name,
      color: tier.color,
      defaultPriceCents: tier.defaultPriceCents,
      priceCents: priceByTier.get(tier.id) ?? null,
      seats: tier._count.seats,
    })),
    orders,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};

/** admin.events.get: any event, drafts and cancelled ones included. */
export const getAdminEvent = async ({
  prisma,
  eventId,
}: {
  prisma: PrismaClient;
  eventId: string;
}): Promise<AdminEventDetail> => {
  const [row, orders] = await Promise.all([
    findAdminEventRow(prisma, eventId),
    countOrdersByStatus(prisma, eventId),
  ]);
  if (!row) throw eventNotFound();
  return toAdminEventDetail(row, orders);
};
