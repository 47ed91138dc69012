// events.list with a price range. A seat costs the event's price for its tier, else the venue
// tier's default, a correlation Prisma's relation filters cannot express: the range is matched in
// SQL (event-prices.repository.ts) and the list's other filters stay Prisma conditions over the
// keys it returns, a chunk at a time, so Prisma's `id IN (...)` stays far below Postgres's
// parameter limit however many events match.
import type { Db, PrismaClient } from '@tessera/db/client';
import type { EventCursor } from './event-cursor.ts';
import { findEventKeysPricedWithin } from './event-prices.repository.ts';
import { findEventSummaries, type EventSummaryRow } from './event.repository.ts';

const KEYS_PER_CHUNK = 500;

export interface PriceFilter {
  minPriceCents?: number;
  maxPriceCents?: number;
  /** The list's start-date window (the SQL reads only published events inside it). */
  from: Date;
  to?: Date;
}

export interface FindEventSummariesPricedWithinOptions {
  prisma: PrismaClient;
  where: Db.Prisma.EventWhereInput;
  price: PriceFilter;
  after?: EventCursor;
  take: number;
  now: Date;
  /** How many price-matching keys each round reads (tests make it small to walk several). */
  keysPerChunk?: number;
}

/** Up to `take` rows matching `where` and the price filter, in list order, after `after`. */
export const findEventSummariesPricedWithin = async ({
  prisma,
  where,
  price,
  after,
  take,
  now,
  keysPerChunk = KEYS_PER_CHUNK,
}: FindEventSummariesPricedWithinOptions): Promise<EventSummaryRow[]> => {
  const rows: EventSummaryRow[] = [];
  let position = after;
  for (;;) {
    const keys = await findEventKeysPricedWithin({
      prisma,
      ...price,
      after: position,
      take: keysPerChunk,
    });
    if (keys.length === 0) return rows;
    const matching = await findEventSummaries({
      prisma,
      where: { AND: [where, { id: { in: keys.map((key) => key.id) } }] },
      take: take - rows.length,
      now,
    });
    rows.push(...matching);
    if (rows.length >= take || keys.length < keysPerChunk) return rows;
    position = keys.at(-1);
  }
};
