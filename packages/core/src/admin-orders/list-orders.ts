// admin.orders.list: search by email (part of it), order id or event, newest first, keyset
// pagination over (createdAt, id) so pages stay stable while new orders arrive.
import type { z } from 'zod';
import type { AdminOrderSummary, ZAdminListOrdersRequest } from '@tessera/contracts/admin';
import { AppErrorCode } from '@tessera/contracts/errors';
import type { Db, PrismaClient } from '@tessera/db/client';
import { AppError } from '../errors/app-error.ts';

type OrderWhere = Db.Prisma.OrderWhereInput;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');

const decodeCursor = (cursor: string) => {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError(AppErrorCode.VALIDATION, {
      userMessage: 'This list link has expired. Start again from the first page.',
      fieldErrors: { cursor: 'Invalid cursor.' },
    });
  }
  return { createdAt, id };
};

/** A whole uuid finds that order (or the orders of that fan); other text matches emails. */
const search = (q: string): OrderWhere =>
  UUID.test(q)
    ? { OR: [{ id: q.toLowerCase() }, { userId: q.toLowerCase() }] }
    : { user: { email: { contains: escapeLike(q), mode: 'insensitive' } } };

export const SUMMARY_SELECT = {
  id: true,
  status: true,
  totalCents: true,
  currency: true,
  createdAt: true,
  _count: { select: { seats: true } },
  user: { select: { id: true, email: true, name: true } },
  event: { select: { id: true, title: true, startsAt: true } },
} satisfies Db.Prisma.OrderSelect;

type SummaryRow = Db.Prisma.OrderGetPayload<{ select: typeof SUMMARY_SELECT }>;

export const toAdminOrderSummary = (row: SummaryRow): AdminOrderSummary => ({
  id: row.id,
  status: row.status,
  totalCents: row.totalCents,
  currency: row.currency,
  createdAt: row.createdAt.toISOString(),
  ticketCount: row._count.seats,
  user: row.user,
  event: { ...row.event, startsAt: row.event.startsAt.toISOString() },
});

export const listAdminOrders = async ({
  prisma,
  filters,
}: {
  prisma: PrismaClient;
  filters: z.output<typeof ZAdminListOrdersRequest>;
}) => {
  const { q, eventId, status, cursor, limit } = filters;
  const conditions: OrderWhere[] = [];
  if (q) conditions.push(search(q));
  if (eventId) conditions.push({ eventId });
  if (status) conditions.push({ status });
  if (cursor) {
    const after = decodeCursor(cursor);
    conditions.push({
      OR: [
        { createdAt: { lt: after.createdAt } },
        { createdAt: after.createdAt, id: { lt: after.id } },
      ],
    });
  }
  const rows = await prisma.order.findMany({
    where: { AND: conditions },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: SUMMARY_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toAdminOrderSummary),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
};
