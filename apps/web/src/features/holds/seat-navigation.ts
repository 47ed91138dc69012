// Arrow-key movement across the seat map: left/right walk the seats in layout order, up/down jump
// to the nearest seat (by x) in the previous or next row.
import type { VenueLayout } from '@tessera/contracts/catalog';

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface SeatNavigation {
  first: number | undefined;
  move: (from: number, direction: Direction) => number;
}

export const buildSeatNavigation = (
  layout: Pick<VenueLayout, 'rows' | 'seats'>,
): SeatNavigation => {
  const order = layout.seats.map((s) => s.id);
  const position = new Map(order.map((id, i) => [id, i]));
  const seatsByRow = new Map<number, VenueLayout['seats']>();
  for (const seat of layout.seats) {
    const list = seatsByRow.get(seat.rowId) ?? [];
    list.push(seat);
    seatsByRow.set(seat.rowId, list);
  }
  const rowOrder = layout.rows.map((r) => r.id).filter((id) => seatsByRow.has(id));
  const rowIndex = new Map(rowOrder.map((id, i) => [id, i]));
  const seatById = new Map(layout.seats.map((s) => [s.id, s]));

  const move = (from: number, direction: Direction): number => {
    const seat = seatById.get(from);
    if (!seat) return order[0] ?? from;
    if (direction === 'left' || direction === 'right') {
      const i = (position.get(from) ?? 0) + (direction === 'left' ? -1 : 1);
      return order[i] ?? from;
    }
    const r = (rowIndex.get(seat.rowId) ?? 0) + (direction === 'up' ? -1 : 1);
    const candidates = seatsByRow.get(rowOrder[r] ?? -1);
    if (!candidates) return from;
    let best = candidates[0] ?? seat;
    for (const c of candidates) if (Math.abs(c.x - seat.x) < Math.abs(best.x - seat.x)) best = c;
    return best.id;
  };
  return { first: order[0], move };
};

const KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export const directionOfKey = (key: string): Direction | undefined => KEYS[key];
