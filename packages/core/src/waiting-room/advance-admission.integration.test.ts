// The admission step by mode, at simulated times: pace exact over a minute, a cap on active
// shoppers, away fans skipped and let back in, sessions ending, pause, and two admitters racing.
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestRedis, useTestRedis } from '../holds/test-support.ts';
import { advanceAdmission } from './advance-admission.ts';
import { consumeAdmission } from './consume-admission.ts';
import { mirrorWindow } from './publish-window.ts';
import { readWindowStats } from './read-window-stats.ts';
import {
  T0,
  admissions,
  fans,
  installWindow,
  joinAll,
  openWindow,
  statusOf,
  waitingOrder,
  type TestWindow,
} from './test-support.ts';

const { redis, prefix } = useTestRedis();

const advance = (w: TestWindow, nowMs: number, client: Redis = redis) =>
  advanceAdmission({ redis: client, prefix, windowId: w.windowId, nowMs });

const admittedIds = async (w: TestWindow) => Object.keys(await admissions(redis, prefix, w)).sort();

describe('admission pace (PACE)', () => {
  it('admits the configured fans per minute, within 2%, whatever the tick spacing', async () => {
    for (const rate of [600, 137]) {
      const w = await installWindow(redis, prefix, { admissionRatePerMinute: rate });
      await openWindow(redis, prefix, w);
      await joinAll(redis, prefix, w, fans(rate + 200), T0);
      // Uneven ticks (0.4 s to 1.9 s apart), as a busy worker would run them.
      let now = T0;
      let admitted = 0;
      const gaps = [400, 1_900, 1_000, 700, 1_300];
      for (let i = 0; now + gaps[i % gaps.length]! <= T0 + 60_000; i += 1) {
        now += gaps[i % gaps.length]!;
        admitted += (await advance(w, now)).admitted;
      }
      admitted += (await advance(w, T0 + 60_000)).admitted;
      expect(Math.abs(admitted - rate) / rate).toBeLessThanOrEqual(0.02);
      expect(await admittedIds(w)).toEqual(fans(rate));
    }
  });

  it('does not bank the time the queue was empty or the window paused', async () => {
    const w = await installWindow(redis, prefix, { admissionRatePerMinute: 60 });
    await openWindow(redis, prefix, w);
    await advance(w, T0 + 30_000); // nobody waiting for 30 s
    await joinAll(redis, prefix, w, fans(100), T0 + 30_000);
    expect((await advance(w, T0 + 31_000)).admitted).toBe(1);
    await mirrorWindow({ redis, prefix, row: { ...w.row, status: 'PAUSED' } });
    expect((await advance(w, T0 + 50_000)).admitted).toBe(0);
    expect((await statusOf(redis, prefix, w, 'fan-00050', T0 + 50_000)).state).toBe('PAUSED');
    await mirrorWindow({ redis, prefix, row: { ...w.row, status: 'OPEN' } });
    expect((await advance(w, T0 + 52_000)).admitted).toBe(2);
  });
});

describe('admission cap (CAP)', () => {
  const capped = () =>
    installWindow(redis, prefix, {
      admissionMode: 'CAP',
      admissionRatePerMinute: null,
      maxActiveShoppers: 5,
      shopperSessionSeconds: 120,
    });

  it('keeps active shoppers at the cap; a completed order or an ended session frees a place', async () => {
    const w = await capped();
    await openWindow(redis, prefix, w);
    await joinAll(redis, prefix, w, fans(20), T0);
    expect((await advance(w, T0 + 1_000)).admitted).toBe(5);
    expect((await advance(w, T0 + 2_000)).admitted).toBe(0);
    for (const userId of ['fan-00001', 'fan-00002']) {
      await consumeAdmission({ redis, prefix, eventId: w.eventId, windowId: w.windowId, userId });
    }
    expect((await advance(w, T0 + 3_000)).admitted).toBe(2);
    expect(await admittedIds(w)).toEqual(fans(7));
    // Sessions of fans 3..7 end (admitted at 1 s and 3 s, 120 s sessions): five places free.
    expect((await advance(w, T0 + 123_001)).admitted).toBe(5);
    const stats = await readWindowStats({
      redis,
      prefix,
      windowId: w.windowId,
      nowMs: T0 + 123_001,
    });
    expect(stats).toMatchObject({
      activeShoppers: 5,
      consumed: 2,
      abandoned: 5,
      admittedTotal: 12,
    });
    expect((await statusOf(redis, prefix, w, 'fan-00003', T0 + 123_001)).state).toBe('EXPIRED');
  });
});

describe('dead heads', () => {
  it('skips fans unseen for longer than the grace, and lets them in first when they return in time', async () => {
    const w = await installWindow(redis, prefix, { admissionRatePerMinute: 60, graceSeconds: 30 });
    await openWindow(redis, prefix, w);
    await joinAll(redis, prefix, w, fans(8), T0);
    // At T0 + 40 s everyone but fans 2 and 3 has polled; those two went quiet at T0 (> 30 s).
    for (const userId of fans(8)) {
      if (userId !== 'fan-00002' && userId !== 'fan-00003') {
        await statusOf(redis, prefix, w, userId, T0 + 40_000);
      }
    }
    const step = await advance(w, T0 + 40_000); // pace: 40 fans due, 8 waiting
    expect(step).toMatchObject({ skipped: 2 });
    expect(await admittedIds(w)).toEqual(
      fans(8).filter((f) => f !== 'fan-00002' && f !== 'fan-00003'),
    );
    expect(
      (await readWindowStats({ redis, prefix, windowId: w.windowId, nowMs: T0 + 40_000 })).away,
    ).toBe(2);

    await joinAll(redis, prefix, w, ['fan-00009', 'fan-00010'], T0 + 41_000);
    // Fan 2 returns 2 minutes later (within 10 x grace): first in line, ahead of fans 9 and 10.
    const back = await statusOf(redis, prefix, w, 'fan-00002', T0 + 160_000);
    expect(back).toMatchObject({ state: 'WAITING', position: 1, returned: true });
    await statusOf(redis, prefix, w, 'fan-00009', T0 + 160_000);
    await statusOf(redis, prefix, w, 'fan-00010', T0 + 160_000);
    expect(await waitingOrder(redis, prefix, w)).toEqual(['fan-00002', 'fan-00009', 'fan-00010']);
    // Fan 3 comes back after the allowance (10 x 30 s): to the back of the queue.
    const late = await statusOf(redis, prefix, w, 'fan-00003', T0 + 400_000);
    expect(late).toMatchObject({ state: 'WAITING', position: 4, returned: false });
    await statusOf(redis, prefix, w, 'fan-00002', T0 + 400_000);
    await statusOf(redis, prefix, w, 'fan-00009', T0 + 400_000);
    await statusOf(redis, prefix, w, 'fan-00010', T0 + 400_000);
    await advance(w, T0 + 400_000);
    const admitted = await admissions(redis, prefix, w);
    expect(Object.keys(admitted)).toHaveLength(10);
    const jtiOf = (userId: string) => Number(admitted[userId]!.jti);
    expect(jtiOf('fan-00002')).toBeLessThan(jtiOf('fan-00009'));
    expect(jtiOf('fan-00010')).toBeLessThan(jtiOf('fan-00003'));
  });
});

describe('two admitters at once', () => {
  const second = connectTestRedis();
  afterAll(() => second.disconnect());

  it('never admit a fan twice and never pass anyone over', async () => {
    const w = await installWindow(redis, prefix, { admissionRatePerMinute: 6_000 });
    await openWindow(redis, prefix, w);
    const everyone = fans(1_500);
    await joinAll(redis, prefix, w, everyone, T0);
    // Two replicas on their own connections tick at the same simulated instants.
    let total = 0;
    for (let tick = 1; tick <= 12; tick += 1) {
      const now = T0 + tick * 1_000;
      const [a, b] = await Promise.all([advance(w, now, redis), advance(w, now, second)]);
      total += a.admitted + b.admitted;
    }
    const admitted = await admissions(redis, prefix, w);
    const ids = Object.keys(admitted).sort();
    expect(total).toBe(1_200); // 6,000/min for 12 s, not twice that
    expect(ids).toEqual(everyone.slice(0, 1_200));
    const jtis = new Set(Object.values(admitted).map((a) => a.jti));
    expect(jtis.size).toBe(1_200);
    expect(await waitingOrder(redis, prefix, w)).toEqual(everyone.slice(1_200));
  });
});

describe('wait and ETA metrics', () => {
  it('records each wait and how far the first ETA shown was from it', async () => {
    const w = await installWindow(redis, prefix, { admissionRatePerMinute: 60 });
    await openWindow(redis, prefix, w);
    const everyone = fans(30);
    await joinAll(redis, prefix, w, everyone, T0);
    // Each fan sees an ETA once, at the start: fan k has k - 1 ahead at 60/min.
    for (const [k, userId] of everyone.entries()) {
      const status = await statusOf(redis, prefix, w, userId, T0);
      expect(status.etaSeconds!.min).toBeLessThanOrEqual(k + 1);
      expect(status.etaSeconds!.max).toBeGreaterThanOrEqual(k + 1);
    }
    for (let second = 1; second <= 30; second += 1) await advance(w, T0 + second * 1_000);
    const stats = await readWindowStats({
      redis,
      prefix,
      windowId: w.windowId,
      nowMs: T0 + 30_000,
    });
    expect(stats).toMatchObject({ admittedTotal: 30, queueLength: 0, activeShoppers: 30 });
    // Fan k waited k seconds: median 15 s, p95 29 s (nearest rank).
    expect(stats.waitP50Seconds).toBe(15);
    expect(stats.waitP95Seconds).toBe(29);
    // Predicted mid-points were within ~6% of the real wait.
    expect(stats.etaErrorP95Seconds).toBeLessThanOrEqual(2);
    expect(stats.admittedPerMinute).toBeGreaterThan(0);
  });
});
