// Catalog listing: filters become one Prisma where clause; keyset pagination over (startsAt, id).
import type { z } from 'zod';
import type {
  ListEventsResponse,
  ZEventStatus,
  ZListEventsRequest,
} from '@tessera/contracts/catalog';
import { createHash } from 'node:crypto';
import type { Db, PrismaClient } from '@tessera/db/client';
import type { CatalogCache, Loaded } from '../cache/catalog-cache.ts';
import { msUntilFirst } from './clock-bounds.ts';
import { decodeEventCursor, encodeEventCursor, type EventCursor } from './event-cursor.ts';
import { findEventSummaries, findSeatsSold, type EventSummaryRow } from './event.repository.ts';
import { findEventSummariesPricedWithin, type PriceFilter } from './read-priced-rows.ts';
import {
  toCachedEventSummary,
  toEventSummary,
  withSeatsLeft,
  type CachedEventSummary,
} from './event-summary.ts';

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

const afterCursor = ({ startsAt, id }: EventCursor): EventWhere => ({
  OR: [{ startsAt: { gt: startsAt } }, { startsAt, id: { gt: id } }],
});

interface PageOptions {
  prisma: PrismaClient;
  conditions: EventWhere[];
  /** A price range, matched in SQL against what checkout charges (read-priced-rows.ts). */
  price?: PriceFilter;
  cursor?: string;
  limit: number;
  now: Date;
}

/** Reads one extra row to know whether another page exists, without a count query. */
const readRows = async ({ prisma, conditions, price, cursor, limit, now }: PageOptions) => {
  const after = cursor ? decodeEventCursor(cursor) : undefined;
  const take = limit + 1;
  const rows = price
    ? await findEventSummariesPricedWithin({
        prisma,
        where: { AND: conditions },
        price,
        after,
        take,
        now,
      })
    : await findEventSummaries({
        prisma,
        where: { AND: after ? [...conditions, afterCursor(after)] : conditions },
        take,
        now,
      });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeEventCursor(last) : null };
};

const readPage = async (options: PageOptions): Promise<ListEventsResponse> => {
  const { page, nextCursor } = await readRows(options);
  return { items: page.map(toEventSummary), nextCursor };
};

interface CachedPage {
  items: CachedEventSummary[];
  nextCursor: string | null;
}

/**
 * A cached page stays true until an event on it starts (it then leaves a list that starts now) or
 * until the on-sale window its "next on sale" names ends; admin writes invalidate it sooner.
 */
const readCacheablePage = async (
  options: PageOptions & { startsFromNow: boolean },
): Promise<Loaded<CachedPage>> => {
  const { page, nextCursor } = await readRows(options);
  const moments = page.flatMap((row: EventSummaryRow) => [
    row.onSales[0]?.endsAt,
    options.startsFromNow ? row.startsAt : undefined,
  ]);
  return {
    value: { items: page.map(toCachedEventSummary), nextCursor },
    ttlMs: msUntilFirst(options.now, moments),
  };
};

/** Seats left are live: one primary-key read over the page's events. */
const addSeatsLeft = async (
  prisma: PrismaClient,
  { items, nextCursor }: CachedPage,
): Promise<ListEventsResponse> => {
  const sold = await findSeatsSold({ prisma, eventIds: items.map((item) => item.id) });
  return { items: items.map((item) => withSeatsLeft(item, sold.get(item.id) ?? 0)), nextCursor };
};

const cacheKey = (filters: object) =>
  `list:${createHash('sha256').update(JSON.stringify(filters)).digest('base64url')}`;

export interface ListEventsOptions {
  prisma: PrismaClient;
  /** The shared catalog cache; without one every call reads Postgres. */
  cache?: CatalogCache;
  filters: z.output<typeof ZListEventsRequest>;
  now?: Date;
}

/** Published events; upcoming ones unless `from` says otherwise. */
export const listEvents = async ({
  prisma,
  cache,
  filters,
  now = new Date(),
}: ListEventsOptions): Promise<ListEventsResponse> => {
  const { q, category, city, from, to, minPriceCents, maxPriceCents, hasSeatsLeft } = filters;
  const conditions: EventWhere[] = [
    { status: 'PUBLISHED' },
    { startsAt: { gte: from ?? now, ...(to && { lte: to }) } },
  ];
  if (q) conditions.push(textSearch(q));
  if (category) conditions.push({ category });
  if (city) conditions.push({ city: { equals: escapeLikePattern(city), mode: 'insensitive' } });
  const price =
    minPriceCents !== undefined || maxPriceCents !== undefined
      ? { minPriceCents, maxPriceCents, from: from ?? now, to }
      : undefined;
  const options = { prisma, conditions, price, cursor: filters.cursor, limit: filters.limit, now };
  // Which events have seats left changes with every sale: that filter is never cached.
  if (hasSeatsLeft) {
    conditions.push({ capacity: { gt: prisma.event.fields.seatsSold } });
    return cache ? cache.bypass(() => readPage(options)) : readPage(options);
  }
  const load = () => readCacheablePage({ ...options, startsFromNow: from === undefined });
  const page = cache ? await cache.read(cacheKey(filters), load) : (await load()).value;
  return addSeatsLeft(prisma, page!);
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
