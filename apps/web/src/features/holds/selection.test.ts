import { describe, expect, it } from 'vitest';
import { pruneSelection, selectionLimit, toggleSeat } from './selection.ts';

describe('selectionLimit', () => {
  it('is the per-fan limit minus seats already held', () => {
    expect(selectionLimit({ perFanSeatLimit: 6, heldCount: 2 })).toBe(4);
    expect(selectionLimit({ perFanSeatLimit: 6, heldCount: 8 })).toBe(0);
  });

  it('never exceeds the most seats one request may name', () => {
    expect(selectionLimit({ perFanSeatLimit: 50, heldCount: 0 })).toBe(10);
  });
});

describe('toggleSeat', () => {
  it('selects an available seat', () => {
    expect(toggleSeat({ selection: [1], seatId: 2, status: 'a', limit: 4 })).toEqual({
      kind: 'selected',
      selection: [1, 2],
    });
  });

  it('deselects a selected seat whatever its status', () => {
    expect(toggleSeat({ selection: [1, 2], seatId: 1, status: 's', limit: 4 })).toEqual({
      kind: 'deselected',
      selection: [2],
    });
  });

  it('refuses held, sold and unknown seats', () => {
    for (const status of ['h', 's', undefined] as const) {
      expect(toggleSeat({ selection: [], seatId: 3, status, limit: 4 })).toEqual({
        kind: 'unavailable',
        selection: [],
      });
    }
  });

  it('refuses a seat beyond the limit', () => {
    expect(toggleSeat({ selection: [1, 2], seatId: 3, status: 'a', limit: 2 })).toEqual({
      kind: 'limit',
      selection: [1, 2],
    });
  });
});

describe('pruneSelection', () => {
  const statuses = new Map([
    [1, 'a'],
    [2, 'h'],
    [3, 'a'],
  ] as const);
  const statusOf = (id: number) => statuses.get(id as 1 | 2 | 3);

  it('drops seats that are no longer available and seats named as taken', () => {
    expect(pruneSelection({ selection: [1, 2, 3], statusOf, remove: [3] })).toEqual({
      selection: [1],
      dropped: [2, 3],
    });
  });

  it('returns the same selection when nothing changed', () => {
    const selection = [1, 3];
    expect(pruneSelection({ selection, statusOf }).selection).toBe(selection);
  });
});
