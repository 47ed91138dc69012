import { describe, expect, it } from 'vitest';
import { parseStreamEntry, type RawStreamEntry } from '../holds/stream-entry.ts';
import { coalesceChanges } from './stream-changes.ts';

// Raw entries in the exact field layout the Lua scripts write (lua/*.lua, includes/common.lua).
const entries = (raw: RawStreamEntry[]) => raw.map(parseStreamEntry);

describe('coalesceChanges', () => {
  it('keeps the last status per seat and the version range', () => {
    const delta = coalesceChanges({
      fromVersion: 10,
      changes: entries([
        [
          '1-0',
          [
            'v',
            '11',
            'type',
            'hold',
            'hold',
            'h1',
            'user',
            'u',
            'seats',
            '1,2',
            'exp',
            '9',
            'taken',
            '',
          ],
        ],
        [
          '1-1',
          ['v', '12', 'type', 'extend', 'hold', 'h1', 'user', 'u', 'seats', '1,2', 'exp', '19'],
        ],
        ['1-2', ['v', '13', 'type', 'release', 'hold', 'h1', 'user', 'u', 'seats', '1']],
        ['1-3', ['v', '14', 'type', 'sell', 'hold', 'h1', 'user', 'u', 'seats', '2']],
        [
          '1-4',
          [
            'v',
            '15',
            'type',
            'hold',
            'hold',
            'h2',
            'user',
            'u',
            'seats',
            '3,4',
            'exp',
            '9',
            'taken',
            '',
          ],
        ],
        // The sweeper writes seat:hold pairs.
        ['1-5', ['v', '16', 'type', 'expire', 'seats', '3:h2,4:h2']],
      ]),
    });
    expect(delta).toEqual({
      fromVersion: 10,
      toVersion: 16,
      seats: [
        [1, 'a'],
        [2, 's'],
        [3, 'a'],
        [4, 'a'],
      ],
      loadVersion: 0,
    });
  });

  it('drops changes superseded by a load and reports its version', () => {
    const delta = coalesceChanges({
      fromVersion: 0,
      changes: entries([
        [
          '1-0',
          [
            'v',
            '1',
            'type',
            'hold',
            'hold',
            'h1',
            'user',
            'u',
            'seats',
            '1',
            'exp',
            '9',
            'taken',
            '',
          ],
        ],
        ['1-1', ['v', '2', 'type', 'load']],
        [
          '1-2',
          [
            'v',
            '3',
            'type',
            'hold',
            'hold',
            'h2',
            'user',
            'u',
            'seats',
            '2',
            'exp',
            '9',
            'taken',
            '',
          ],
        ],
      ]),
    });
    expect(delta).toEqual({ fromVersion: 0, toVersion: 3, seats: [[2, 'h']], loadVersion: 2 });
  });
});
