// Folding a batch keeps the first terminal status and the last expiry, as applying the changes
// one by one would.
import { describe, expect, it } from 'vitest';
import { foldChanges } from './fold-changes.ts';
import { parseStreamEntry } from '../holds/stream-entry.ts';

const entry = (ms: number, fields: Record<string, string>) =>
  parseStreamEntry([`${ms}-0`, Object.entries(fields).flat()]);

describe('foldChanges', () => {
  it('folds a hold created, extended and sold in one batch into one converted insert', () => {
    const changes = [
      entry(100, {
        v: '5',
        type: 'hold',
        hold: 'h1',
        user: 'u1',
        seats: '7,8',
        exp: '700',
        taken: '',
      }),
      entry(200, { v: '6', type: 'extend', hold: 'h1', user: 'u1', seats: '7,8', exp: '900' }),
      entry(300, { v: '7', type: 'sell', hold: 'h1', user: 'u1', seats: '7,8' }),
    ];
    expect(foldChanges(changes as never)).toEqual([
      {
        holdId: 'h1',
        version: 7,
        created: { userId: 'u1', seatIds: [7, 8], createdAt: 100 },
        expiresAt: 900,
        extendedAt: 200,
        status: 'CONVERTED',
      },
    ]);
  });

  it('ends a hold whose seats were taken over, and keeps the first terminal status', () => {
    const changes = [
      entry(100, {
        v: '9',
        type: 'hold',
        hold: 'h2',
        user: 'u2',
        seats: '3',
        exp: '500',
        taken: '3:h1',
      }),
      entry(200, { v: '10', type: 'release', hold: 'h1', user: 'u1', seats: '' }),
      entry(300, { v: '11', type: 'expire', seats: '3:h2' }),
      entry(400, { v: '12', type: 'extend', hold: 'h2', user: 'u2', seats: '3', exp: '999' }),
    ];
    const folded = foldChanges(changes as never);
    expect(folded.find((m) => m.holdId === 'h1')).toEqual({
      holdId: 'h1',
      version: 10,
      status: 'EXPIRED',
    });
    expect(folded.find((m) => m.holdId === 'h2')).toMatchObject({
      version: 12,
      status: 'EXPIRED',
      expiresAt: 500,
    });
  });

  it('rejects entries without a version or with an unknown type', () => {
    expect(() => entry(1, { type: 'hold' })).toThrow(/version/);
    expect(() => entry(1, { v: '3', type: 'teleport' })).toThrow(/unknown type/);
  });
});
