// How long catalog data stays true by the clock: until the next window time or event start, and
// only briefly while the worker has yet to move a window whose time has come.
import { describe, expect, it } from 'vitest';
import { msUntilFirst, PENDING_TRANSITION_TTL_MS, windowsTtlMs } from './clock-bounds.ts';

const now = new Date('2026-06-01T10:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const window = (startsAt: Date, endsAt: Date, status = 'SCHEDULED', preQueueOpensAt = null) => ({
  startsAt,
  endsAt,
  status,
  preQueueOpensAt: preQueueOpensAt as Date | null,
});

describe('msUntilFirst', () => {
  it('picks the earliest moment still ahead, ignoring past and missing ones', () => {
    expect(msUntilFirst(now, [at(-5), null, at(30), undefined, at(10)])).toBe(10 * 60_000);
  });

  it('says nothing when no moment lies ahead', () => {
    expect(msUntilFirst(now, [at(-1), now, null])).toBeUndefined();
  });
});

describe('windowsTtlMs', () => {
  it('lasts until the next pre-queue opening, start or end of any window', () => {
    const windows = [
      { ...window(at(60), at(120)), preQueueOpensAt: at(45) },
      window(at(-30), at(90), 'OPEN'),
    ];
    expect(windowsTtlMs(now, windows)).toBe(45 * 60_000);
  });

  it('is short while a window that should have opened or ended still waits for the worker', () => {
    expect(windowsTtlMs(now, [window(at(-1), at(60), 'SCHEDULED')])).toBe(
      PENDING_TRANSITION_TTL_MS,
    );
    expect(windowsTtlMs(now, [window(at(-60), at(-1), 'OPEN')])).toBe(PENDING_TRANSITION_TTL_MS);
    expect(windowsTtlMs(now, [window(at(-60), at(-1), 'PAUSED')])).toBe(PENDING_TRANSITION_TTL_MS);
  });

  it('has no clock bound when every window is over or cancelled', () => {
    expect(windowsTtlMs(now, [window(at(-60), at(-30), 'ENDED')])).toBeUndefined();
    expect(windowsTtlMs(now, [window(at(10), at(30), 'CANCELLED')])).toBeUndefined();
  });
});
