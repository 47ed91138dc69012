// The scheduler against real Postgres and Redis at simulated times: the pre-queue opens with a
// commitment, the window opens at its start (lottery run, seed revealed in Postgres), admin
// pause/resume/end, and the window ends on time with the gate lifted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@tessera/db/client';
import { uniqueToken, createTestEvent, createTestVenue } from '../testing/catalog-fixtures.ts';
import { useTestRedis } from '../holds/test-support.ts';
import { readGate } from './gate.store.ts';
import { joinWaitingRoom } from './join-waiting-room.ts';
import { windowKeys } from './keys.ts';
import { lotteryOrder, verifyLotteryReveal } from './lottery.ts';
import { FINISHED_WINDOW_TTL_SECONDS, publishWindow } from './publish-window.ts';
import { runWindowSchedule } from './run-window-schedule.ts';
import { T0, fans, statusOf, waitingOrder } from './test-support.ts';
import { endWindow, pauseWindow, resumeWindow } from './window-controls.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const { redis, prefix } = useTestRedis();
afterAll(() => prisma.$disconnect());

let eventId: string;
beforeAll(async () => {
  const name = uniqueToken('WrSchedule');
  const { venue, capacity } = await createTestVenue({ prisma, name, city: 'Testville' });
  const event = await createTestEvent({
    prisma,
    venueId: venue.id,
    title: name,
    city: 'Testville',
    startsAt: new Date(T0 + 30 * 86_400_000),
    capacity,
  });
  eventId = event.id;
});

const createWindow = (startOffset: number, data: Record<string, unknown> = {}) =>
  prisma.onSaleWindow.create({
    data: {
      eventId,
      name: 'General sale',
      startsAt: new Date(T0 + startOffset),
      endsAt: new Date(T0 + startOffset + 3_600_000),
      waitingRoomEnabled: true,
      preQueueOpensAt: new Date(T0 + startOffset - 900_000),
      admissionMode: 'PACE',
      admissionRatePerMinute: 120,
      ...data,
    },
  });

describe('window schedule', () => {
  it('opens the pre-queue, opens the window with its lottery, and ends it on time', async () => {
    const row = await createWindow(0);
    await publishWindow({ prisma, redis, prefix, windowId: row.id });
    const tick = (nowMs: number) =>
      runWindowSchedule({ prisma, redis, prefix, nowMs, windowIds: [row.id] });
    const w = { row, windowId: row.id, eventId };

    expect(await tick(T0 - 1_000_000)).toMatchObject({ preQueuesOpened: [], opened: [] });
    expect((await tick(T0 - 900_000)).preQueuesOpened).toEqual([row.id]);
    const committed = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: row.id } });
    expect(committed.lotteryCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(committed.lotterySeed).toBeNull();
    // A second tick does not commit again.
    expect((await tick(T0 - 800_000)).preQueuesOpened).toEqual([]);

    const early = fans(10, 'pre');
    for (const userId of early) {
      await joinWaitingRoom({ redis, prefix, windowId: row.id, userId, nowMs: T0 - 600_000 });
    }
    expect((await tick(T0 - 1)).opened).toEqual([]);
    const atStart = await tick(T0);
    expect(atStart).toMatchObject({ opened: [row.id], admitting: [row.id] });
    const opened = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: row.id } });
    expect(opened.status).toBe('OPEN');
    expect(verifyLotteryReveal(opened.lotteryCommitment!, opened.lotterySeed!)).toBe(true);
    expect(await waitingOrder(redis, prefix, w)).toEqual(lotteryOrder(opened.lotterySeed!, early));
    expect((await statusOf(redis, prefix, w, 'pre-00001', T0 + 1)).lotterySeed).toBe(
      opened.lotterySeed,
    );
    expect(await readGate({ redis, prefix, eventId })).toContainEqual({
      windowId: row.id,
      startsAt: T0,
      endsAt: T0 + 3_600_000,
      status: 'OPEN',
    });

    expect(await pauseWindow({ prisma, redis, prefix, windowId: row.id })).toBe(true);
    expect((await statusOf(redis, prefix, w, 'pre-00001', T0 + 2)).state).toBe('PAUSED');
    expect(await pauseWindow({ prisma, redis, prefix, windowId: row.id })).toBe(false);
    expect(await resumeWindow({ prisma, redis, prefix, windowId: row.id })).toBe(true);

    expect((await tick(T0 + 3_599_999)).ended).toEqual([]);
    expect((await tick(T0 + 3_600_000)).ended).toEqual([row.id]);
    const ended = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: row.id } });
    expect(ended.status).toBe('ENDED');
    expect((await readGate({ redis, prefix, eventId })).map((g) => g.windowId)).not.toContain(
      row.id,
    );
    expect((await statusOf(redis, prefix, w, 'pre-00001', T0 + 3_600_001)).state).toBe('ENDED');
    // Kept for a week for the dashboard, then dropped.
    const keys = windowKeys({ prefix, windowId: row.id });
    for (const key of [keys.config, keys.queue]) {
      expect(await redis.ttl(key)).toBeGreaterThan(FINISHED_WINDOW_TTL_SECONDS - 60);
    }
  });

  it('ends a window on an admin request and re-mirrors a window Redis lost', async () => {
    const row = await createWindow(7_200_000, { preQueueOpensAt: null });
    const tick = (nowMs: number) =>
      runWindowSchedule({ prisma, redis, prefix, nowMs, windowIds: [row.id] });
    await tick(T0);
    expect((await readGate({ redis, prefix, eventId })).map((g) => g.windowId)).toContain(row.id);
    await redis.del(`${prefix}{ev:${eventId}}:gate`);
    await tick(T0 + 1);
    expect((await readGate({ redis, prefix, eventId })).map((g) => g.windowId)).toContain(row.id);

    expect(await endWindow({ prisma, redis, prefix, windowId: row.id })).toBe(true);
    expect((await readGate({ redis, prefix, eventId })).map((g) => g.windowId)).not.toContain(
      row.id,
    );
    expect((await tick(T0 + 7_200_000)).opened).toEqual([]);
  });

  it('commits to a new seed when Redis lost the pre-queue before the start', async () => {
    const row = await createWindow(14_400_000);
    const tick = (nowMs: number) =>
      runWindowSchedule({ prisma, redis, prefix, nowMs, windowIds: [row.id] });
    const opens = row.preQueueOpensAt!.getTime();
    expect((await tick(opens)).preQueuesOpened).toEqual([row.id]);
    const first = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: row.id } });
    // Redis loses everything of this window (the pre-queue and the secret seed with it).
    await redis.del(...Object.values(windowKeys({ prefix, windowId: row.id })));
    expect((await tick(opens + 1_000)).preQueuesOpened).toEqual([row.id]);
    const second = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: row.id } });
    expect(second.lotteryCommitment).not.toBe(first.lotteryCommitment);
    await joinWaitingRoom({
      redis,
      prefix,
      windowId: row.id,
      userId: 'again',
      nowMs: opens + 2_000,
    });
    await tick(row.startsAt.getTime());
    const opened = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: row.id } });
    expect(verifyLotteryReveal(second.lotteryCommitment!, opened.lotterySeed!)).toBe(true);
    expect(await waitingOrder(redis, prefix, { row, windowId: row.id, eventId })).toEqual([
      'again',
    ]);
    await endWindow({ prisma, redis, prefix, windowId: row.id });
  });
});
