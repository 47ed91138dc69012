// Compares a venue's seats in Postgres with a newly generated layout. A seat keeps its id while
// (section code, row label, seat label) survives, so holds, orders and Redis state still point at
// it; the rest are added or dropped. "Moved" seats keep their id but change coordinates.
import type { GeneratedSeat } from '@tessera/contracts/layouts';
import { seatKey } from './generate-layout.ts';

export interface ExistingSeat {
  id: number;
  section: string;
  row: string;
  label: string;
  x: number;
  y: number;
}

export interface LayoutChange {
  kept: Array<{ id: number; seat: GeneratedSeat }>;
  added: GeneratedSeat[];
  dropped: ExistingSeat[];
  /** Kept seats whose coordinates change. */
  moved: ExistingSeat[];
}

// Coordinates are stored rounded to 3 decimals; anything within half of that is the same place.
const SAME_PLACE = 0.0005;

export const planLayoutChange = (existing: ExistingSeat[], next: GeneratedSeat[]): LayoutChange => {
  const byKey = new Map(existing.map((s) => [seatKey(s.section, s.row, s.label), s]));
  const change: LayoutChange = { kept: [], added: [], dropped: [], moved: [] };
  const seen = new Set<number>();
  for (const seat of next) {
    const old = byKey.get(seatKey(seat.section, seat.row, seat.label));
    if (!old) {
      change.added.push(seat);
      continue;
    }
    seen.add(old.id);
    change.kept.push({ id: old.id, seat });
    if (Math.abs(old.x - seat.x) > SAME_PLACE || Math.abs(old.y - seat.y) > SAME_PLACE)
      change.moved.push(old);
  }
  change.dropped = existing.filter((s) => !seen.has(s.id));
  return change;
};
