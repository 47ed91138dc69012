// Per-tier seat counts of one event, kept in step with its coalesced deltas (seats.onAvailability).
import type { EventAvailability, SeatsDelta } from '@tessera/contracts/seats';

type SeatStatus = SeatsDelta['seats'][number][1];

export interface SeatTier {
  tierId: number;
  name: string;
}

export interface TierCounts {
  version: number;
  /** Applies a delta's last statuses; seats outside the layout are ignored. */
  apply(delta: Pick<SeatsDelta, 'toVersion' | 'seats'>): void;
  toMessage(eventId: string): EventAvailability;
}

const FIELD = { a: 'available', h: 'held', s: 'sold' } as const;

/** Counts from a snapshot (`statuses[i]` is the status of `seatIds[i]`) and the layout's tiers. */
export const createTierCounts = ({
  version,
  seatIds,
  statuses,
  tierOf,
}: {
  version: number;
  seatIds: number[];
  statuses: string;
  tierOf: (seatId: number) => SeatTier | undefined;
}): TierCounts => {
  const tiers = new Map<number, EventAvailability['tiers'][number]>();
  const seats = new Map<
    number,
    { status: SeatStatus; counts: EventAvailability['tiers'][number] }
  >();
  seatIds.forEach((seatId, i) => {
    const tier = tierOf(seatId) ?? { tierId: 0, name: '' };
    let counts = tiers.get(tier.tierId);
    if (!counts) {
      counts = { tierId: tier.tierId, name: tier.name, available: 0, held: 0, sold: 0 };
      tiers.set(tier.tierId, counts);
    }
    const status = (statuses[i] ?? 'a') as SeatStatus;
    counts[FIELD[status]] += 1;
    seats.set(seatId, { status, counts });
  });
  const ordered = [...tiers.values()].sort((x, y) => x.tierId - y.tierId);

  const state: TierCounts = {
    version,
    apply(delta) {
      for (const [seatId, status] of delta.seats) {
        const seat = seats.get(seatId);
        if (!seat || seat.status === status) continue;
        seat.counts[FIELD[seat.status]] -= 1;
        seat.counts[FIELD[status]] += 1;
        seat.status = status;
      }
      state.version = Math.max(state.version, delta.toVersion);
    },
    toMessage: (eventId) => ({
      eventId,
      version: state.version,
      tiers: ordered.map((tier) => ({ ...tier })),
    }),
  };
  return state;
};
