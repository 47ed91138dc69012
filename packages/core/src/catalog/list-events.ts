// Catalog listing: filters become one Prisma where clause; keyset pagination over (startsAt, id).
import type { z } from 'zod';
import type {
  ListEventsResponse,
  ZEventStatus,
  ZListEventsRequest,
} from '@tessera/contracts/catalog';
import type { Db, PrismaClient } from '@tessera/db/client';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.ts';
import { findEventSummaries } from './event.repository.ts';
import { toEventSummary } from './event-summary.ts';

type EventWhere = Db.Prisma.EventWhereInput;

// Prisma turns `contains` and case-insensitive `equals` into ILIKE without escaping: without this,
// "%" or "_" typed by a fan would act as wildcards.
const escapeLikePattern = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Case-insensitive match of `q` over title, description, venue name and city. */
const textSearch = (q: string): EventWhere => {
  const contains = { contains: escapeLikePattern(q), mode: 'insensitive' } as const;
  return {
    OR: [
      { title: contains },
      { description: contains },
      { city: contains },
      { venue: { name: contains } },
    ],
  };
};

const afterCursor = (cursor: string): EventWhere => {
  const { startsAt, id } = decodeEventCursor(cursor);
  return { OR: [{ startsAt: { gt: startsAt } }, { startsAt, id: { gt: id } }] };
};

interface PageOptions {
  prisma: PrismaClient;
  conditions: EventWhere[];
  cursor?: string;
  limit: number;
  now: Date;
}

/** Reads one extra row to know whether another page exists, without a count query. */
const readPage = async ({
  prisma,
  conditions,
  cursor,
  limit,
  now,
}: PageOptions): Promise<ListEventsResponse> => {
  const where: EventWhere = { AND: cursor ? [...conditions, afterCursor(cursor)] : conditions };
  const rows = await findEventSummaries({ prisma, where, take: limit + 1, now });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toEventSummary),
    nextCursor: rows.length > limit && last ? encodeEventCursor(last) : null,
  };
};

export interface ListEventsOptions {
  prisma: PrismaClient;
  filters: z.output<typeof ZListEventsRequest>;
  now?: Date;
}

/** Published events; upcoming ones unless `from` says otherwise. */
export const listEvents = ({ prisma, filters, now = new Date() }: ListEventsOptions) => {
  const { q, category, city, from, to, minPriceCents, maxPriceCents, hasSeatsLeft } = filters;
  const conditions: EventWhere[] = [
    { status: 'PUBLISHED' },
    { startsAt: { gte: from ?? now, ...(to && { lte: to }) } },
  ];
  if (q) conditions.push(textSearch(q));
  if (category) conditions.push({ category });
  if (city) conditions.push({ city: { equals: escapeLikePattern(city), mode: 'insensitive' } });
  if (minPriceCents !== undefined || maxPriceCents !== undefined) {
    conditions.push({
      prices: { some: { priceCents: { gte: minPriceCents, lte: maxPriceCents } } },
    });
  }
  if (hasSeatsLeft) conditions.push({ capacity: { gt: prisma.event.fields.seatsSold } });
  return readPage({ prisma, conditions, cursor: filters.cursor, limit: filters.limit, now });
};

export interface ListEventsForAdminOptions {
  prisma: PrismaClient;
  status?: z.output<typeof ZEventStatus>;
  q?: string;
  cursor?: string;
  limit: number;
  now?: Date;
}

/** Every event, drafts and past ones included: the admin's back-office list. */
export const listEventsForAdmin = ({
  prisma,
  status,
  q,
  cursor,
  limit,
  now = new Date(),
}: ListEventsForAdminOptions) => {
  const conditions: EventWhere[] = [];
  if (status) conditions.push({ status });
  if (q) conditions.push(textSearch(q));
  return readPage({ prisma, conditions, cursor, limit, now });
};
