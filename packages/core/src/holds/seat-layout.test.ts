// The layout encoding the scripts rely on: neighbours, row order, row centre and row ranking.
import { describe, expect, it } from 'vitest';
import { encodeSeatLayout, type LayoutSeat } from './seat-layout.ts';

const seat = (
  id: number,
  rowId: number,
  position: number,
  x: number,
  y: number,
  tierId = 1,
): LayoutSeat => ({
  id,
  rowId,
  position,
  tierId,
  x,
  y,
});

describe('encodeSeatLayout', () => {
  // Stage at (1.5, 0). Row 7: four seats at y=5, x=0..3 -> the two middle ones are nearest.
  // Row 9: the mirror of row 7 at y=-5 (same distance), lower sort order. Row 3: y=10, x=2..4,
  // listed out of order -> the seat at x=2 (position 1) is nearest.
  const seats = [
    seat(71, 7, 1, 0, 5, 2),
    seat(72, 7, 2, 1, 5, 2),
    seat(73, 7, 3, 2, 5, 2),
    seat(74, 7, 4, 3, 5, 2),
    seat(91, 9, 1, 0, -5),
    seat(92, 9, 2, 1, -5),
    seat(93, 9, 3, 2, -5),
    seat(94, 9, 4, 3, -5),
    seat(33, 3, 3, 4, 10),
    seat(31, 3, 1, 2, 10),
    seat(32, 3, 2, 3, 10),
  ];
  const encoded = encodeSeatLayout({
    seats,
    stage: { x: 1.5, y: 0 },
    rowSortOrder: new Map([
      [3, 1],
      [7, 2],
      [9, 0],
    ]),
  });

  it('gives every seat its row, tier and two neighbours on each side, 0 past the row ends', () => {
    expect(encoded.layout.get(71)).toBe('7|2|0|0|72|73');
    expect(encoded.layout.get(72)).toBe('7|2|0|71|73|74');
    expect(encoded.layout.get(74)).toBe('7|2|72|73|0|0');
    expect(encoded.layout.get(31)).toBe('3|1|0|0|32|33');
    expect(encoded.layout.get(33)).toBe('3|1|31|32|0|0');
  });

  it('lists each row in position order with the index of its nearest seats as centre', () => {
    expect(encoded.rows.get(7)).toBe('2.5|71:2,72:2,73:2,74:2');
    expect(encoded.rows.get(3)).toBe('1|31:1,32:1,33:1');
  });

  it('ranks rows by distance to the stage, then by sort order', () => {
    expect(encoded.rank).toEqual([9, 7, 3]);
  });
});
