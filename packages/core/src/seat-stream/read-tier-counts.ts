// Per-tier counts of one event from Redis seat state (one snapshot) and the layout's tiers.
import { readSeatsSnapshot } from '../checkout/seats-snapshot.ts';
import type { SeatStoreDeps } from '../checkout/create-hold.ts';
import { createTierCounts, type TierCounts } from './tier-counts.ts';

export const readTierCounts = async ({
  eventId,
  ...deps
}: SeatStoreDeps & { eventId: string }): Promise<TierCounts> => {
  const info = await deps.saleInfo.get(eventId);
  const snapshot = await readSeatsSnapshot({ ...deps, eventId, userId: null });
  return createTierCounts({
    ...snapshot,
    tierOf: (seatId) => {
      const seat = info.seats.get(seatId);
      return seat && { tierId: seat.tierId, name: seat.tierName };
    },
  });
};
