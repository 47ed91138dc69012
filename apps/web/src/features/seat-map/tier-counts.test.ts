import { describe, expect, it } from 'vitest';
import { countSeatsByTier } from './tier-counts.ts';

describe('countSeatsByTier', () => {
  it('counts available, held and sold seats per tier, listing tiers with nothing left', () => {
    const seats = [
      { id: 1, tierId: 10 },
      { id: 2, tierId: 10 },
      { id: 3, tierId: 10 },
      { id: 4, tierId: 20 },
      { id: 5, tierId: 20 },
    ];
    const statuses = new Map([
      [1, 'a'],
      [2, 'h'],
      [3, 'a'],
      [4, 's'],
      [5, 'h'],
    ] as const);
    expect(Object.fromEntries(countSeatsByTier({ seats, statuses }))).toEqual({
      10: { available: 2, held: 1, sold: 0 },
      20: { available: 0, held: 1, sold: 1 },
    });
  });

  it('does not count seats whose status is not known yet', () => {
    const counts = countSeatsByTier({ seats: [{ id: 1, tierId: 10 }], statuses: new Map() });
    expect(counts.get(10)).toEqual({ available: 0, held: 0, sold: 0 });
  });
});
