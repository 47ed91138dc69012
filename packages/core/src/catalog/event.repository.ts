// Postgres access for the catalog: event summaries, one event's detail, a venue's layout.
import type { Db, PrismaClient } from '@tessera/db/client';
import { findPriceRanges, type PriceRange } from './event-prices.repository.ts';

export const eventSummarySelect = (now: Date) =>
  ({
    id: true,
    title: true,
    category: true,
    city: true,
    startsAt: true,
    imageUrl: true,
    status: true,
    capacity: true,
    seatsSold: true,
    venue: { select: { id: true, name: true } },
    // Only for the currency: what the event costs is priceRange (venue tier defaults included).
    prices: { select: { currency: true }, take: 1 },
    onSales: {
      where: { status: { in: ['SCHEDULED', 'OPEN'] }, endsAt: { gt: now } },
      orderBy: { startsAt: 'asc' },
      take: 1,
      // endsAt: when nextOnSaleAt moves on, which bounds how long a cached summary stays true.
      select: { startsAt: true, endsAt: true },
    },
  }) satisfies Db.Prisma.EventSelect;

/** A row and the cheapest and dearest seat checkout would charge (null: no seat to sell). */
export type EventSummaryRow = Db.Prisma.EventGetPayload<{
  select: ReturnType<typeof eventSummarySelect>;
}> & { priceRange: PriceRange | null };

/** Adds each event's price range, read in one query for all of them. */
const withPriceRanges = async <T extends { id: string }>(
  prisma: PrismaClient,
  rows: T[],
): Promise<Array<T & { priceRange: PriceRange | null }>> => {
  const ranges = await findPriceRanges({ prisma, eventIds: rows.map((row) => row.id) });
  return rows.map((row) => ({ ...row, priceRange: ranges.get(row.id) ?? null }));
};

export interface FindEventSummariesOptions {
  prisma: PrismaClient;
  where: Db.Prisma.EventWhereInput;
  take: number;
  now: Date;
}

export const findEventSummaries = async ({
  prisma,
  where,
  take,
  now,
}: FindEventSummariesOptions): Promise<EventSummaryRow[]> =>
  withPriceRanges(
    prisma,
    await prisma.event.findMany({
      where,
      take,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      select: eventSummarySelect(now),
    }),
  );

/** An event with what its page shows; the presale code is read only to say whether one is needed. */
export const findEventDetail = async ({
  prisma,
  id,
  now,
}: {
  prisma: PrismaClient;
  id: string;
  now: Date;
}) => {
  const reading = prisma.event.findUnique({
    where: { id },
    select: {
      ...eventSummarySelect(now),
      description: true,
      venue: {
        select: {
          id: true,
          name: true,
          city: true,
          address: true,
          width: true,
          height: true,
          stageX: true,
          stageY: true,
          layoutVersion: true,
        },
      },
      prices: { select: { priceTierId: true, priceCents: true, currency: true } },
      onSales: {
        orderBy: { startsAt: 'asc' },
        select: {
          id: true,
          name: true,
          startsAt: true,
          endsAt: true,
          presaleCode: true,
          waitingRoomEnabled: true,
          preQueueOpensAt: true,
          status: true,
          perFanSeatLimit: true,
        },
      },
    },
  });
  // Both reads at once: the page waits for one round trip, not two.
  const [event, ranges] = await Promise.all([reading, findPriceRanges({ prisma, eventIds: [id] })]);
  return event && { ...event, priceRange: ranges.get(id) ?? null };
};

/** What readers of a cached summary or page add live: seats sold change with every sale. */
export const findSeatsSold = async ({
  prisma,
  eventIds,
}: {
  prisma: PrismaClient;
  eventIds: string[];
}): Promise<Map<string, number>> => {
  if (eventIds.length === 0) return new Map();
  const rows = await prisma.event.findMany({
    where: { id: { in: eventIds } },
    select: { id: true, seatsSold: true },
  });
  return new Map(rows.map((row) => [row.id, row.seatsSold]));
};

/** A venue's current layout version and drawing size (what the layout endpoint needs first). */
export const findVenueLayoutHead = ({
  prisma,
  venueId,
}: {
  prisma: PrismaClient;
  venueId: string;
}) =>
  prisma.venue.findUnique({
    where: { id: venueId },
    select: { layoutVersion: true, width: true, height: true, stageX: true, stageY: true },
  });

/** Sections, rows, seats and tiers of a venue with only the columns the seat map draws. */
export const findVenueLayout = async ({
  prisma,
  venueId,
}: {
  prisma: PrismaClient;
  venueId: string;
}) => {
  const [sections, rows, seats, tiers] = await Promise.all([
    prisma.section.findMany({
      where: { venueId },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      select: { id: true, code: true, name: true },
    }),
    prisma.row.findMany({
      where: { section: { venueId } },
      orderBy: [{ sectionId: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
      select: { id: true, sectionId: true, label: true },
    }),
    prisma.seat.findMany({
      where: { venueId },
      orderBy: { id: 'asc' },
      select: {
        id: true,
        rowId: true,
        label: true,
        x: true,
        y: true,
        priceTierId: true,
        accessible: true,
      },
    }),
    prisma.priceTier.findMany({
      where: { venueId },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      select: { id: true, code: true, name: true, color: true, defaultPriceCents: true },
    }),
  ]);
  return { sections, rows, seats, tiers };
};

/**
 * The venue's current layout version if an event a fan may open uses it (every status but DRAFT,
 * as events.get decides); null for a venue only drafts use and for an unknown id alike.
 */
export const findPublicVenueLayoutVersion = async ({
  prisma,
  venueId,
}: {
  prisma: PrismaClient;
  venueId: string;
}): Promise<number | null> => {
  const venue = await prisma.venue.findFirst({
    where: { id: venueId, events: { some: { status: { not: 'DRAFT' } } } },
    select: { layoutVersion: true },
  });
  return venue?.layoutVersion ?? null;
};
