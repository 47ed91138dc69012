// Shapes an event row into the public summary: price range (as checkout charges), seats left,
// next on-sale start. The cacheable part leaves out seats left, which every sale changes; readers
// add it live.
import type { EventSummary } from '@tessera/contracts/catalog';
import type { EventSummaryRow } from './event.repository.ts';

const DEFAULT_CURRENCY = 'EUR';

export type CachedEventSummary = Omit<EventSummary, 'seatsLeft'>;

export const toCachedEventSummary = (row: EventSummaryRow): CachedEventSummary => ({
  id: row.id,
  title: row.title,
  category: row.category,
  city: row.city,
  startsAt: row.startsAt.toISOString(),
  imageUrl: row.imageUrl,
  status: row.status,
  venue: { id: row.venue.id, name: row.venue.name },
  // What checkout would charge: tiers without an event price cost the venue's default.
  minPriceCents: row.priceRange?.minPriceCents ?? null,
  maxPriceCents: row.priceRange?.maxPriceCents ?? null,
  currency: row.prices[0]?.currency ?? DEFAULT_CURRENCY,
  capacity: row.capacity,
  nextOnSaleAt: row.onSales[0]?.startsAt.toISOString() ?? null,
});

export const withSeatsLeft = <T extends CachedEventSummary>(summary: T, seatsSold: number) => ({
  ...summary,
  seatsLeft: Math.max(0, summary.capacity - seatsSold),
});

export const toEventSummary = (row: EventSummaryRow): EventSummary =>
  withSeatsLeft(toCachedEventSummary(row), row.seatsSold);
