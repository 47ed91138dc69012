// Selection rules for the seat map: only available seats, never more than the fan may still hold.
import { MAX_SEATS_PER_REQUEST } from '@tessera/contracts/holds';

export type SeatStatus = 'a' | 'h' | 's';

/** Seats the fan may still pick: the window's per-fan limit minus seats already held, capped per request. */
export const selectionLimit = ({
  perFanSeatLimit,
  heldCount,
}: {
  perFanSeatLimit: number;
  heldCount: number;
}) => Math.max(0, Math.min(MAX_SEATS_PER_REQUEST, perFanSeatLimit - heldCount));

export type ToggleOutcome =
  | { kind: 'selected' | 'deselected'; selection: number[] }
  | { kind: 'unavailable' | 'limit'; selection: number[] };

export const toggleSeat = ({
  selection,
  seatId,
  status,
  limit,
}: {
  selection: number[];
  seatId: number;
  status: SeatStatus | undefined;
  limit: number;
}): ToggleOutcome => {
  if (selection.includes(seatId))
    return { kind: 'deselected', selection: selection.filter((id) => id !== seatId) };
  if (status !== 'a') return { kind: 'unavailable', selection };
  if (selection.length >= limit) return { kind: 'limit', selection };
  return { kind: 'selected', selection: [...selection, seatId] };
};

/** Drops selected seats that are no longer available (taken by someone else since). */
export const pruneSelection = ({
  selection,
  statusOf,
  remove = [],
}: {
  selection: number[];
  statusOf: (seatId: number) => SeatStatus | undefined;
  remove?: number[];
}): { selection: number[]; dropped: number[] } => {
  const removed = new Set(remove);
  const dropped = selection.filter((id) => removed.has(id) || statusOf(id) !== 'a');
  if (dropped.length === 0) return { selection, dropped };
  return { selection: selection.filter((id) => !dropped.includes(id)), dropped };
};
