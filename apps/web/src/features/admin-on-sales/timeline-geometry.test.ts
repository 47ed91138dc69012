import type { AdminOnSaleWindow } from '@tessera/contracts/on-sales';
import { describe, expect, it } from 'vitest';
import { computeTimeline, pickTickStep } from './timeline-geometry.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2030, 5, 1, 12);

const win = (id: string, startH: number, endH: number, extra: Partial<AdminOnSaleWindow> = {}) =>
  ({
    id,
    eventId: 'e',
    name: id,
    startsAt: new Date(T0 + startH * HOUR).toISOString(),
    endsAt: new Date(T0 + endH * HOUR).toISOString(),
    presaleCode: null,
    waitingRoomEnabled: false,
    preQueueOpensAt: null,
    admissionMode: 'PACE',
    admissionRatePerMinute: null,
    maxActiveShoppers: null,
    shopperSessionSeconds: 600,
    perFanSeatLimit: 6,
    graceSeconds: 60,
    status: 'SCHEDULED',
    lotteryCommitment: null,
    lotterySeed: null,
    ...extra,
  }) satisfies AdminOnSaleWindow;

describe('computeTimeline', () => {
  it('places windows, pre-queue and now on one padded, proportional axis', () => {
    const t = computeTimeline(
      [
        win('general', 4, 8, {
          waitingRoomEnabled: true,
          preQueueOpensAt: new Date(T0 + 3 * HOUR).toISOString(),
        }),
        win('presale', 1, 3, { presaleCode: 'FANS-1', status: 'OPEN' }),
      ],
      T0 + 2 * HOUR,
    );
    // Earliest moment is the presale start (1 h), latest the general end (8 h): 7 h plus 4% each side.
    const pad = 7 * HOUR * 0.04;
    expect(t.startMs).toBe(T0 + HOUR - pad);
    expect(t.endMs).toBe(T0 + 8 * HOUR + pad);
    const [presale, general] = t.bars;
    expect(presale).toMatchObject({ id: 'presale', presale: true, preQueue: null });
    expect(general).toMatchObject({ id: 'general', presale: false, waitingRoom: true });
    expect(general!.width).toBeCloseTo(presale!.width * 2);
    expect(general!.preQueue!.left + general!.preQueue!.width).toBeCloseTo(general!.left);
    expect(presale!.left).toBeCloseTo(4 / 1.08);
    expect(t.nowPct).toBeGreaterThan(presale!.left);
    expect(t.nowPct).toBeLessThan(presale!.left + presale!.width);
  });

  it('keeps now on the axis when every window is in the past or the future', () => {
    const past = computeTimeline([win('old', -10, -9)], T0);
    expect(past.nowPct).toBeLessThan(100);
    expect(past.bars[0]!.left).toBeGreaterThan(0);
    const empty = computeTimeline([], T0);
    expect(empty.nowPct).toBeGreaterThan(0);
    expect(empty.endMs - empty.startMs).toBeGreaterThan(HOUR);
  });

  it('ignores a pre-queue when the waiting room is off', () => {
    const t = computeTimeline(
      [win('w', 1, 2, { preQueueOpensAt: new Date(T0 - 5 * HOUR).toISOString() })],
      T0,
    );
    expect(t.bars[0]!.preQueue).toBeNull();
    expect(t.startMs).toBeGreaterThan(T0 - HOUR);
  });

  it('marks ticks in order within the axis, at most six of them', () => {
    const t = computeTimeline([win('a', 0, 30)], T0);
    expect(t.ticks.length).toBeGreaterThan(1);
    expect(t.ticks.length).toBeLessThanOrEqual(7);
    for (const tick of t.ticks) {
      expect(tick.pct).toBeGreaterThanOrEqual(0);
      expect(tick.pct).toBeLessThanOrEqual(100);
    }
    expect(pickTickStep(2 * HOUR)).toBe(HOUR / 2);
    expect(pickTickStep(30 * HOUR)).toBe(6 * HOUR);
  });
});
