// Inventory-aware admission's arithmetic: how many active shoppers the seats can carry.
import { describe, expect, it } from 'vitest';
import { judgeInventory } from './advance-admission.ts';

const counts = (overrides: Partial<Parameters<typeof judgeInventory>[0]>) => ({
  free: 0,
  freeingSoon: 0,
  heldLater: 0,
  active: 0,
  withoutHold: 0,
  perFan: 4,
  ...overrides,
});

describe('judgeInventory', () => {
  it('lets in one fan per perFan seats free or coming back soon, a partial block included', () => {
    expect(judgeInventory(counts({ free: 8 }))).toEqual({ activeCap: 2, soldOut: false });
    expect(judgeInventory(counts({ free: 6, freeingSoon: 3 }))).toEqual({
      activeCap: 3,
      soldOut: false,
    });
  });

  it('keeps room for admitted fans who hold nothing yet, and carries those who already hold', () => {
    // 8 free seats, 3 shoppers: 1 holds (its seats are not free any more), 2 still choosing.
    const verdict = judgeInventory(counts({ free: 8, heldLater: 4, active: 3, withoutHold: 2 }));
    // Cap 3 on active shoppers: with 3 active, nobody new until someone finishes.
    expect(verdict).toEqual({ activeCap: 3, soldOut: false });
  });

  it('is sold out only when nothing is free and no hold could come back', () => {
    expect(judgeInventory(counts({ heldLater: 2 })).soldOut).toBe(false);
    expect(judgeInventory(counts({ freeingSoon: 1 })).soldOut).toBe(false);
    expect(judgeInventory(counts({})).soldOut).toBe(true);
  });
});
