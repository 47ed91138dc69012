import { describe, expect, it } from 'vitest';
import { coalesceChanges, parseStreamEntry } from './stream-changes.ts';

describe('parseStreamEntry', () => {
  it('reads the version, type and seat list of a stream entry', () => {
    const entry = parseStreamEntry([
      '1-0',
      ['v', '7', 'type', 'hold', 'hold', 'x', 'seats', '4,5'],
    ]);
    expect(entry).toEqual({ version: 7, type: 'hold', seatIds: [4, 5] });
    expect(parseStreamEntry(['2-0', ['v', '8', 'type', 'load']]).seatIds).toEqual([]);
  });
});

describe('coalesceChanges', () => {
  it('keeps the last status per seat and the version range', () => {
    const delta = coalesceChanges({
      fromVersion: 10,
      changes: [
        { version: 11, type: 'hold', seatIds: [1, 2] },
        { version: 12, type: 'extend', seatIds: [1, 2] },
        { version: 13, type: 'release', seatIds: [1] },
        { version: 14, type: 'sell', seatIds: [2] },
        { version: 15, type: 'expire', seatIds: [3] },
      ],
    });
    expect(delta).toEqual({
      fromVersion: 10,
      toVersion: 15,
      seats: [
        [1, 'a'],
        [2, 's'],
        [3, 'a'],
      ],
      loadVersion: 0,
    });
  });

  it('drops changes superseded by a load and reports its version', () => {
    const delta = coalesceChanges({
      fromVersion: 0,
      changes: [
        { version: 1, type: 'hold', seatIds: [1] },
        { version: 2, type: 'load', seatIds: [] },
        { version: 3, type: 'hold', seatIds: [2] },
      ],
    });
    expect(delta).toEqual({ fromVersion: 0, toVersion: 3, seats: [[2, 'h']], loadVersion: 2 });
  });
});
