import { describe, expect, it } from 'vitest';
import { buildSectionStates, statusLookup } from './seat-states.ts';

describe('buildSectionStates', () => {
  it('draws selection over mine over the snapshot status, unknown without a snapshot', () => {
    const statuses = statusLookup({ seatIds: [1, 2, 3, 4], statuses: 'ahhs' });
    const states = buildSectionStates({
      sections: [
        { id: 1, seatIds: [1, 2, 3] },
        { id: 2, seatIds: [4, 5] },
      ],
      statuses,
      mine: new Set([3]),
      selected: new Set([1]),
    });
    expect([...states]).toEqual([
      [1, 'xhm'],
      [2, 's?'],
    ]);
  });

  it('knows nothing before the first snapshot', () => {
    expect(statusLookup(undefined).size).toBe(0);
  });
});
