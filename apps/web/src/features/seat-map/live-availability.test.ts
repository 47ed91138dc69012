import type { EventAvailability } from '@tessera/contracts/seats';
import { describe, expect, it } from 'vitest';
import { chunkEventIds, mergeAvailability, seatsAvailable } from './live-availability.ts';

const EVENT = '0b8a1b7e-5d8e-4a8c-9f64-0d7c2f1e9a11';

const message = (version: number, available: number): EventAvailability => ({
  eventId: EVENT,
  version,
  tiers: [
    { tierId: 1, name: 'Floor', available, held: 2, sold: 3 },
    { tierId: 2, name: 'Balcony', available: 10, held: 0, sold: 0 },
  ],
});

describe('live availability for the event list', () => {
  it('replaces an event’s counts with a newer message', () => {
    const first = mergeAvailability(new Map(), message(4, 40));
    const second = mergeAvailability(first, message(9, 38));
    expect(second.get(EVENT)?.version).toBe(9);
    expect(seatsAvailable(second.get(EVENT) as EventAvailability)).toBe(48);
  });

  it('ignores a message older than the counts it has (returns the same map)', () => {
    const current = mergeAvailability(new Map(), message(9, 38));
    expect(mergeAvailability(current, message(4, 40))).toBe(current);
  });

  it('splits event ids into subscriptions of at most the allowed size, without duplicates', () => {
    const ids = ['c', 'a', 'b', 'a', 'e', 'd'];
    expect(chunkEventIds(ids, 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(chunkEventIds([], 50)).toEqual([]);
  });
});
