import { describe, expect, it } from 'vitest';
import { createTierCounts } from './tier-counts.ts';

const TIERS = new Map([
  [1, { tierId: 7, name: 'Front' }],
  [2, { tierId: 7, name: 'Front' }],
  [3, { tierId: 3, name: 'Back' }],
  [4, { tierId: 3, name: 'Back' }],
]);

const counts = () =>
  createTierCounts({
    version: 10,
    seatIds: [1, 2, 3, 4],
    statuses: 'ahsa',
    tierOf: (seatId) => TIERS.get(seatId),
  });

describe('createTierCounts', () => {
  it('counts a snapshot per tier, tiers ascending by id', () => {
    expect(counts().toMessage('e')).toEqual({
      eventId: 'e',
      version: 10,
      tiers: [
        { tierId: 3, name: 'Back', available: 1, held: 0, sold: 1 },
        { tierId: 7, name: 'Front', available: 1, held: 1, sold: 0 },
      ],
    });
  });

  it('moves seats between counts, ignoring repeats and seats outside the layout', () => {
    const state = counts();
    state.apply({
      toVersion: 12,
      seats: [
        [1, 'h'],
        [2, 'a'],
        [4, 's'],
        [3, 's'],
        [99, 'h'],
      ],
    });
    expect(state.toMessage('e')).toEqual({
      eventId: 'e',
      version: 12,
      tiers: [
        { tierId: 3, name: 'Back', available: 0, held: 0, sold: 2 },
        { tierId: 7, name: 'Front', available: 1, held: 1, sold: 0 },
      ],
    });
  });

  it('hands out copies, so a sent message never changes afterwards', () => {
    const state = counts();
    const before = state.toMessage('e');
    state.apply({ toVersion: 11, seats: [[1, 's']] });
    expect(before.tiers[1]).toMatchObject({ available: 1, sold: 0 });
    expect(before.version).toBe(10);
  });
});
