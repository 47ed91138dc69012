// The ETA range follows what the room is doing: the measured rate, the configured pace as a
// ceiling, and fans skipped as away.
import { describe, expect, it } from 'vitest';
import { estimateWait, type WaitEstimateInput } from './estimate-wait.ts';

const input = (overrides: Partial<WaitEstimateInput>): WaitEstimateInput => ({
  ahead: 99,
  buckets: [0, 0, 0, 0, 0, 0],
  msIntoMinute: 0,
  ratePerMinute: null,
  maxActive: null,
  sessionMs: 600_000,
  admittedTotal: 0,
  skipped: 0,
  ...overrides,
});

describe('estimateWait', () => {
  it('uses the configured pace before anything was measured', () => {
    // 100 admissions needed at 100/min (at best) to 90/min.
    expect(estimateWait(input({ ratePerMinute: 100 }))).toEqual({ min: 60, max: 67 });
  });

  it('follows the measured rate when the room runs slower than configured', () => {
    const measured = estimateWait(
      input({
        ratePerMinute: 100,
        buckets: [25, 50, 50, 50, 50, 50],
        msIntoMinute: 30_000,
        admittedTotal: 275,
      }),
    )!;
    expect(measured.min).toBeGreaterThanOrEqual(100); // 100 fans at <= 57.5/min
    expect(measured.max).toBeLessThanOrEqual(150); // at >= 42.5/min
    expect(measured.min).toBeLessThan(measured.max);
  });

  it('narrows when many fans ahead are away (skipped fans cost no admission)', () => {
    const busy = {
      ratePerMinute: 100,
      buckets: [50, 100, 100, 100, 100, 100],
      msIntoMinute: 30_000,
    };
    const present = estimateWait(input({ ...busy, admittedTotal: 600, skipped: 0 }))!;
    const halfAway = estimateWait(input({ ...busy, admittedTotal: 300, skipped: 300 }))!;
    expect(halfAway.min).toBeLessThan(present.min);
    expect(halfAway.max).toBe(present.max);
  });

  it('widens when the recent minute is slower than the last five', () => {
    const steady = estimateWait(
      input({ buckets: [30, 60, 60, 60, 60, 60], msIntoMinute: 30_000, admittedTotal: 330 }),
    )!;
    const slowing = estimateWait(
      input({ buckets: [5, 10, 60, 60, 60, 60], msIntoMinute: 30_000, admittedTotal: 255 }),
    )!;
    expect(slowing.max - slowing.min).toBeGreaterThan(steady.max - steady.min);
  });

  it('says nothing for a cap-less, pace-less room with no admissions yet', () => {
    expect(estimateWait(input({}))).toBeNull();
    expect(estimateWait(input({ maxActive: 100, sessionMs: 600_000 }))).toEqual({
      min: 200,
      max: 600,
    });
  });
});
