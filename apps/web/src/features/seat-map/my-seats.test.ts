import { describe, expect, it } from 'vitest';
import type { SeatStatus } from '../holds/selection.ts';
import { heldByMe, keepHeldClaims, touchesClaims } from './my-seats.ts';

const statuses = (entries: Record<number, SeatStatus>) =>
  new Map(Object.entries(entries).map(([id, s]) => [Number(id), s]));

describe('my seats on the live map', () => {
  it('draws a claimed seat as mine only while it is held', () => {
    const live = statuses({ 1: 'h', 2: 'a', 3: 's', 4: 'h' });
    expect([...heldByMe({ statuses: live, claims: [[1, 2], new Set([3])] })]).toEqual([1]);
  });

  it('never claims a seat held by someone else', () => {
    const live = statuses({ 1: 'h', 2: 'h' });
    expect([...heldByMe({ statuses: live, claims: [[1]] })]).toEqual([1]);
  });

  it('drops claims on seats that were released, expired or sold, so a later hold by another fan is not mine', () => {
    const claims = new Set([1, 2, 3]);
    const kept = keepHeldClaims(claims, statuses({ 1: 'h', 2: 'a', 3: 's' }));
    expect([...kept]).toEqual([1]);
    const retaken = statuses({ 1: 'h', 2: 'h', 3: 's' });
    expect([...heldByMe({ statuses: retaken, claims: [kept] })]).toEqual([1]);
  });

  it('keeps the same claims object when nothing lapsed (no needless re-render)', () => {
    const claims = new Set([1]);
    expect(keepHeldClaims(claims, statuses({ 1: 'h' }))).toBe(claims);
  });

  it('tells when a change touches one of my seats', () => {
    expect(touchesClaims([5, 6], [[1], new Set([6])])).toBe(true);
    expect(touchesClaims([5], [[1], new Set([6])])).toBe(false);
    expect(touchesClaims([], [[1]])).toBe(false);
  });
});
