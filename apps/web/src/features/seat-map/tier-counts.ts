// Seats left per price tier ("42 left in Tier A"), counted from the live seat statuses.
import type { VenueLayout } from '@tessera/contracts/catalog';
import type { SeatStatus } from '../holds/selection.ts';

export interface TierCount {
  available: number;
  held: number;
  sold: number;
}

export type TierCounts = ReadonlyMap<number, TierCount>;

/** Every tier of the layout appears, even with nothing left; seats with no status yet are skipped. */
export const countSeatsByTier = ({
  seats,
  statuses,
}: {
  seats: Pick<VenueLayout['seats'][number], 'id' | 'tierId'>[];
  statuses: ReadonlyMap<number, SeatStatus>;
}): TierCounts => {
  const counts = new Map<number, TierCount>();
  for (const seat of seats) {
    let count = counts.get(seat.tierId);
    if (!count) {
      count = { available: 0, held: 0, sold: 0 };
      counts.set(seat.tierId, count);
    }
    const status = statuses.get(seat.id);
    if (status === 'a') count.available += 1;
    else if (status === 'h') count.held += 1;
    else if (status === 's') count.sold += 1;
  }
  return counts;
};
