// Joining a window's waiting room: the pre-queue and its lottery, FIFO after the start, one
// place per fan however often they join, and the lottery checkable after the reveal.
import { describe, expect, it } from 'vitest';
import { useTestRedis } from '../holds/test-support.ts';
import { joinWaitingRoom } from './join-waiting-room.ts';
import { windowKeys } from './keys.ts';
import { lotteryOrder, verifyLotteryReveal } from './lottery.ts';
import {
  T0,
  fans,
  installWindow,
  joinAll,
  openPreQueue,
  openWindow,
  statusOf,
  waitingOrder,
} from './test-support.ts';

const { redis, prefix } = useTestRedis();

const withPreQueue = () =>
  installWindow(redis, prefix, { preQueueOpensAt: new Date(T0 - 600_000) });

describe('joining the waiting room', () => {
  it('refuses joins before the pre-queue opens and before its commitment is public', async () => {
    const w = await withPreQueue();
    const join = (nowMs: number) =>
      joinWaitingRoom({ redis, prefix, windowId: w.windowId, userId: 'early', nowMs });
    await expect(join(T0 - 900_000)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Pre-queue time, but the worker has not committed to a seed yet.
    await expect(join(T0 - 300_000)).rejects.toMatchObject({ code: 'CONFLICT' });
    await openPreQueue(redis, prefix, w);
    expect((await join(T0 - 300_000)).state).toBe('PRE_QUEUE');
  });

  it('keeps one place per fan: joining again returns the first place', async () => {
    const w = await installWindow(redis, prefix);
    await openWindow(redis, prefix, w);
    await joinAll(redis, prefix, w, fans(3), T0 + 1_000);
    const first = await joinWaitingRoom({
      redis,
      prefix,
      windowId: w.windowId,
      userId: 'fan-00002',
      nowMs: T0 + 50_000,
    });
    expect(first).toMatchObject({ joinedNow: false, joinedAt: T0 + 1_000, state: 'WAITING' });
    expect(await waitingOrder(redis, prefix, w)).toEqual(fans(3));
    expect((await statusOf(redis, prefix, w, 'fan-00002', T0 + 50_000)).position).toBe(2);
  });

  it('serves later arrivals first come, first served', async () => {
    const w = await installWindow(redis, prefix);
    await openWindow(redis, prefix, w);
    const arrivals = fans(20, 'late');
    for (const [i, userId] of arrivals.entries()) {
      await joinWaitingRoom({ redis, prefix, windowId: w.windowId, userId, nowMs: T0 + i });
    }
    expect(await waitingOrder(redis, prefix, w)).toEqual(arrivals);
    for (const [i, userId] of arrivals.entries()) {
      const status = await statusOf(redis, prefix, w, userId, T0 + 100);
      expect(status).toMatchObject({ state: 'WAITING', position: i + 1, ahead: i, total: 20 });
    }
  });

  it('orders the pre-queue by the committed seed, ahead of later arrivals, then reveals the seed', async () => {
    const w = await withPreQueue();
    const commitment = await openPreQueue(redis, prefix, w);
    const early = fans(30, 'early');
    await joinAll(redis, prefix, w, early, T0 - 60_000);
    const before = await statusOf(redis, prefix, w, 'early-00001', T0 - 1_000);
    expect(before).toMatchObject({
      state: 'PRE_QUEUE',
      position: null,
      total: 30,
      lotteryCommitment: commitment,
      lotterySeed: null,
    });
    // Arrivals after the start but before the worker ran the lottery still go behind it.
    await joinAll(redis, prefix, w, ['late-1', 'late-2'], T0 + 10);
    const lottery = await openWindow(redis, prefix, w, T0 + 500);
    expect(lottery).toMatchObject({ done: true, preQueueSize: 30 });
    await joinAll(redis, prefix, w, ['late-3'], T0 + 600);

    const seed = lottery.seed!;
    expect(verifyLotteryReveal(commitment, seed)).toBe(true);
    const expected = [...lotteryOrder(seed, early), 'late-1', 'late-2', 'late-3'];
    expect(await waitingOrder(redis, prefix, w)).toEqual(expected);
    const status = await statusOf(redis, prefix, w, expected[7]!, T0 + 700);
    expect(status).toMatchObject({ state: 'WAITING', position: 8, lotterySeed: seed });
    expect(status.lotteryCommitment).toBe(commitment);
  });

  it('places a pre-queue larger than one script call (chunks of 2,000) in lottery order', async () => {
    const w = await withPreQueue();
    const commitment = await openPreQueue(redis, prefix, w);
    const early = fans(4_500, 'crowd');
    await Promise.all(
      early.map((userId) =>
        joinWaitingRoom({ redis, prefix, windowId: w.windowId, userId, nowMs: T0 - 1_000 }),
      ),
    );
    const lottery = await openWindow(redis, prefix, w, T0);
    expect(verifyLotteryReveal(commitment, lottery.seed!)).toBe(true);
    expect(await waitingOrder(redis, prefix, w)).toEqual(lotteryOrder(lottery.seed!, early));
  });

  it('repeats a lottery that stopped half-way with the same result', async () => {
    const w = await withPreQueue();
    await openPreQueue(redis, prefix, w);
    await joinAll(redis, prefix, w, fans(12, 'pq'), T0 - 5_000);
    const first = await openWindow(redis, prefix, w, T0 + 1);
    const order = await waitingOrder(redis, prefix, w);
    // A second worker (or a retry) finds the lottery done and changes nothing.
    const again = await openWindow(redis, prefix, w, T0 + 2);
    expect(again.seed).toBe(first.seed);
    expect(await waitingOrder(redis, prefix, w)).toEqual(order);
    const config = await redis.hgetall(windowKeys({ prefix, windowId: w.windowId }).config);
    expect(config).toMatchObject({ sealed: '1', lotteryDone: '1', seedRevealed: '1' });
  });

  it('tells a fan who never joined, and refuses joins after the end', async () => {
    const w = await installWindow(redis, prefix);
    await openWindow(redis, prefix, w);
    expect((await statusOf(redis, prefix, w, 'stranger', T0 + 5)).state).toBe('NOT_JOINED');
    await expect(
      joinWaitingRoom({
        redis,
        prefix,
        windowId: w.windowId,
        userId: 'too-late',
        nowMs: T0 + 3_600_000,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('has no queue for a window without a waiting room', async () => {
    const w = await installWindow(redis, prefix, { waitingRoomEnabled: false });
    await expect(
      joinWaitingRoom({ redis, prefix, windowId: w.windowId, userId: 'fan', nowMs: T0 + 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
