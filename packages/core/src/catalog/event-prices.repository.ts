// The prices a fan can pay at an event, in SQL, exactly as checkout charges a seat
// (checkout/event-sale-info.ts, seatInfoOf): the event's own price for the seat's tier, else the
// tier's default price. Only tiers that have seats count: a tier no seat uses is never charged.
import { Db, type PrismaClient } from '@tessera/db/client';
import type { EventCursor } from './event-cursor.ts';

const { Prisma } = Db;
type Sql = Db.Prisma.Sql;

export interface PriceRange {
  minPriceCents: number;
  maxPriceCents: number;
}

/**
 * The tiers of the given venues that at least one seat uses. MATERIALIZED, so the seat probe runs
 * once per tier (seats are indexed by venue, not by tier), not once per event and tier.
 */
const seatedTiers = (venueIds: Sql) => Prisma.sql`
  seated_tiers AS MATERIALIZED (
    SELECT t.id, t.venue_id, t.default_price_cents
    FROM price_tiers t
    WHERE t.venue_id IN (${venueIds})
      AND EXISTS (SELECT 1 FROM seats s WHERE s.venue_id = t.venue_id AND s.price_tier_id = t.id)
  )`;

/**
 * Each seated tier `t` with `priced.price`, what a seat of it costs at event `e` (the enclosing
 * query's row): the event's own price for the tier, else the tier's default.
 */
const seatedTierPrices = Prisma.sql`
  seated_tiers t
  CROSS JOIN LATERAL (SELECT COALESCE(
    (SELECT p.price_cents FROM event_tier_prices p
     WHERE p.event_id = e.id AND p.price_tier_id = t.id),
    t.default_price_cents) AS price) priced`;

/** Cheapest and dearest seat of each event; an event with no seated tier has none. */
export const findPriceRanges = async ({
  prisma,
  eventIds,
}: {
  prisma: PrismaClient;
  eventIds: string[];
}): Promise<Map<string, PriceRange>> => {
  if (eventIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Array<PriceRange & { eventId: string }>>`
    WITH page AS (SELECT id, venue_id FROM events WHERE id = ANY(${eventIds}::uuid[])),
    ${seatedTiers(Prisma.sql`SELECT venue_id FROM page`)}
    SELECT e.id::text AS "eventId", range.min AS "minPriceCents", range.max AS "maxPriceCents"
    FROM page e
    CROSS JOIN LATERAL (
      SELECT MIN(priced.price)::int AS min, MAX(priced.price)::int AS max
      FROM ${seatedTierPrices}
      WHERE t.venue_id = e.venue_id
    ) range
    WHERE range.min IS NOT NULL`;
  return new Map(rows.map(({ eventId, ...range }) => [eventId, range]));
};

export interface FindEventKeysPricedWithinOptions {
  prisma: PrismaClient;
  minPriceCents?: number;
  maxPriceCents?: number;
  /** Published events starting in [from, to]. */
  from: Date;
  to?: Date;
  /** Keyset position: only events after it in (startsAt, id) order. */
  after?: EventCursor;
  take: number;
}

/**
 * Published events with at least one seat priced inside the range, in list order (startsAt, id).
 * The list's other filters are Prisma conditions applied to these keys, a chunk at a time.
 */
export const findEventKeysPricedWithin = ({
  prisma,
  minPriceCents,
  maxPriceCents,
  from,
  to,
  after,
  take,
}: FindEventKeysPricedWithinOptions): Promise<EventCursor[]> => {
  const upTo = to ? Prisma.sql`AND e.starts_at <= ${to}` : Prisma.empty;
  const afterKey = after
    ? Prisma.sql`AND (e.starts_at, e.id) > (${after.startsAt}, ${after.id}::uuid)`
    : Prisma.empty;
  const atLeast =
    minPriceCents === undefined ? Prisma.empty : Prisma.sql`AND priced.price >= ${minPriceCents}`;
  const atMost =
    maxPriceCents === undefined ? Prisma.empty : Prisma.sql`AND priced.price <= ${maxPriceCents}`;
  return prisma.$queryRaw<EventCursor[]>`
    WITH window_events AS MATERIALIZED (
      SELECT e.id, e.venue_id, e.starts_at FROM events e
      WHERE e.status = 'PUBLISHED' AND e.starts_at >= ${from} ${upTo} ${afterKey}
    ),
    ${seatedTiers(Prisma.sql`SELECT venue_id FROM window_events`)}
    SELECT e.id::text AS id, e.starts_at AS "startsAt"
    FROM window_events e
    WHERE EXISTS (
      SELECT 1 FROM ${seatedTierPrices}
      WHERE t.venue_id = e.venue_id ${atLeast} ${atMost}
    )
    ORDER BY e.starts_at, e.id
    LIMIT ${take}`;
};
