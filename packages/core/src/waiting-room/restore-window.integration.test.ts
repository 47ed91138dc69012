// Redis restarted empty in the middle of a sale (simulated by deleting every key of the test's
// prefix) against real Postgres and Redis: the tick had copied the queue and the passes, and the
// rebuild puts them back. Places keep their order, the drawn lottery order is not re-drawn, a used
// pass stays refused, and CAP mode counts the passes issued before the restart. Passes a step
// issued without its copy are caught up by the next tick.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@tessera/db/client';
import { holdSeats } from '../holds/hold-seats.ts';
import { loadEventSeatState } from '../holds/load-event-seat-state.ts';
import { dropPrefix, refusalOf, useTestRedis } from '../holds/test-support.ts';
import { createTestEvent, createTestVenue, uniqueToken } from '../testing/catalog-fixtures.ts';
import { verifyAdmissionToken } from './admission-token.ts';
import { advanceAdmission } from './advance-admission.ts';
import { consumeAdmission } from './consume-admission.ts';
import { joinWaitingRoom } from './join-waiting-room.ts';
import { windowKeys } from './keys.ts';
import { lotteryOrder } from './lottery.ts';
import { mirrorIssuedPasses, mirrorWaitingRoom } from './mirror-waiting-room.ts';
import { runWindowSchedule } from './run-window-schedule.ts';
import { T0, TOKEN_SECRET, statusOf, waitingOrder } from './test-support.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const { redis, prefix } = useTestRedis();
afterAll(() => prisma.$disconnect());

let eventId: string;
let seatIds: number[];
beforeAll(async () => {
  const name = uniqueToken('WrRestore');
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
  seatIds = (
    await prisma.seat.findMany({ where: { venueId: venue.id }, orderBy: { position: 'asc' } })
  ).map((s) => s.id);
});

const store = () => ({ prisma, redis, prefix });
const newFans = (n: number) => Array.from({ length: n }, () => randomUUID());
const join = (windowId: string, userId: string, nowMs?: number) =>
  joinWaitingRoom({ redis, prefix, windowId, userId, ...(nowMs !== undefined && { nowMs }) });

/** One admission step followed by the copy of its passes, as the worker's tick runs them. */
const admitAndCopy = async (windowId: string, nowMs?: number) => {
  const step = await advanceAdmission({ redis, prefix, windowId, nowMs });
  await mirrorIssuedPasses({ ...store(), windowId, passes: step.passes });
  return step;
};

describe('waiting room after Redis restarted empty', () => {
  it('keeps places in order and the drawn lottery order, admitting on from where it was', async () => {
    const row = await prisma.onSaleWindow.create({
      data: {
        eventId,
        name: 'Lottery sale',
        startsAt: new Date(T0),
        endsAt: new Date(T0 + 3_600_000),
        preQueueOpensAt: new Date(T0 - 900_000),
        admissionRatePerMinute: 120,
        graceSeconds: 3_600,
      },
    });
    const w = { row, windowId: row.id, eventId };
    const tick = (nowMs: number) => runWindowSchedule({ ...store(), nowMs, windowIds: [row.id] });
    await tick(T0 - 900_000);
    const early = newFans(10);
    for (const userId of early) await join(row.id, userId, T0 - 600_000);
    await mirrorWaitingRoom({ ...store(), windowId: row.id, nowMs: T0 - 500_000 });
    await tick(T0);
    const { lotterySeed } = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: row.id } });
    const late = newFans(5);
    for (const [i, userId] of late.entries()) await join(row.id, userId, T0 + 100 + i);
    await mirrorWaitingRoom({ ...store(), windowId: row.id, nowMs: T0 + 1_000 });
    // 120 a minute: six fans in 3 s, the first six of the lottery.
    expect((await admitAndCopy(row.id, T0 + 3_000)).admitted).toBe(6);
    const before = await waitingOrder(redis, prefix, w);
    expect(before).toEqual([...lotteryOrder(lotterySeed!, early).slice(6), ...late]);
    // This fan joined after the last copy: lost with Redis, they join again at the back.
    const unsaved = randomUUID();
    await join(row.id, unsaved, T0 + 3_500);

    await dropPrefix(redis, prefix);
    await tick(T0 + 5_000);

    expect(await waitingOrder(redis, prefix, w)).toEqual(before);
    const config = windowKeys({ prefix, windowId: row.id }).config;
    expect(await redis.hget(config, 'seed')).toBe(lotterySeed);
    expect((await statusOf(redis, prefix, w, early[0]!, T0 + 5_000)).lotterySeed).toBe(lotterySeed);
    const rejoined = await join(row.id, before[0]!, T0 + 5_100);
    expect(rejoined).toMatchObject({ joinedNow: false, state: 'WAITING', joinedAt: T0 - 600_000 });
    expect(await join(row.id, unsaved, T0 + 5_200)).toMatchObject({ joinedNow: true });
    // The pace restarts from the restore: two fans a second, the next two in the old order.
    const step = await admitAndCopy(row.id, T0 + 6_000);
    expect(step.passes.map((pass) => pass.userId)).toEqual(before.slice(0, 2));
    expect(step.passes.map((pass) => pass.jti)).toEqual([7, 8]);
    expect(await waitingOrder(redis, prefix, w)).toEqual([...before.slice(2), unsaved]);
  });

  it('copies the passes of a step whose own copy never ran at the next tick', async () => {
    const row = await prisma.onSaleWindow.create({
      data: {
        eventId,
        name: 'Catch-up sale',
        startsAt: new Date(T0),
        endsAt: new Date(T0 + 3_600_000),
        admissionRatePerMinute: 60,
        graceSeconds: 3_600,
      },
    });
    await runWindowSchedule({ ...store(), nowMs: T0, windowIds: [row.id] });
    const fans = newFans(4);
    for (const userId of fans) await join(row.id, userId, T0 + 10);
    // Two steps: the first one's passes are never copied (its worker died after the step).
    await advanceAdmission({ redis, prefix, windowId: row.id, nowMs: T0 + 2_000 });
    await admitAndCopy(row.id, T0 + 3_000);
    const passesInPostgres = () =>
      prisma.waitingRoomFan.findMany({
        where: { windowId: row.id, admissionJti: { not: null } },
        orderBy: { admissionJti: 'asc' },
      });
    expect((await passesInPostgres()).map((fan) => fan.userId)).toEqual([fans[2]]);
    const copy = await mirrorWaitingRoom({ ...store(), windowId: row.id, nowMs: T0 + 3_100 });
    expect(copy.passesCaughtUp).toBe(3);
    expect((await passesInPostgres()).map((fan) => fan.userId)).toEqual(fans.slice(0, 3));
    // Caught up: the next tick reads no passes.
    const next = await mirrorWaitingRoom({ ...store(), windowId: row.id, nowMs: T0 + 3_200 });
    expect(next).toEqual({ joins: 0, passesCaughtUp: 0 });
  });

  it('refuses a used pass, honours live passes and admits no more than the cap in total', async () => {
    const now = Date.now();
    const row = await prisma.onSaleWindow.create({
      data: {
        eventId,
        name: 'Capped sale',
        status: 'OPEN',
        startsAt: new Date(now - 1_000),
        endsAt: new Date(now + 3_600_000),
        admissionMode: 'CAP',
        maxActiveShoppers: 3,
        perFanSeatLimit: 2,
      },
    });
    const w = { row, windowId: row.id, eventId };
    await runWindowSchedule({ ...store(), windowIds: [row.id] });
    const users = await Promise.all(
      newFans(6).map((id) =>
        prisma.user.create({
          data: { id, email: `${id}@example.test`, name: 'Fan', passwordHash: 'x' },
        }),
      ),
    );
    const fanIds = users.map((user) => user.id);
    for (const userId of fanIds) await join(row.id, userId);
    await mirrorWaitingRoom({ ...store(), windowId: row.id });
    expect((await admitAndCopy(row.id)).admitted).toBe(3);
    const claimsOf = async (userId: string) =>
      verifyAdmissionToken(
        TOKEN_SECRET,
        (await statusOf(redis, prefix, w, userId)).admission!.token,
      )!;
    const [buyer, shopper] = [await claimsOf(fanIds[0]!), await claimsOf(fanIds[1]!)];
    // The first fan's order completes: checkout consumes the pass (Redis) after the commit.
    await prisma.order.create({
      data: {
        userId: fanIds[0]!,
        eventId,
        status: 'CONFIRMED',
        totalCents: 5_000,
        confirmedAt: new Date(),
      },
    });
    await consumeAdmission({ redis, prefix, eventId, windowId: row.id, userId: fanIds[0]! });

    await dropPrefix(redis, prefix);
    await loadEventSeatState({ ...store(), eventId });

    const hold = (userId: string, seats: number[], claims: typeof buyer) =>
      holdSeats({
        redis,
        prefix,
        eventId,
        userId,
        seatIds: seats,
        ttlMs: 300_000,
        perUserSeatLimit: 2,
        admissionClaims: claims,
      });
    const reused = await refusalOf(hold(fanIds[0]!, seatIds.slice(0, 2), buyer));
    expect(reused.message).toBe('ADMISSION_REQUIRED (6)');
    const held = await hold(fanIds[1]!, seatIds.slice(0, 2), shopper);
    expect(held.seatIds).toEqual(seatIds.slice(0, 2));
    // Two passes still live (fans 2 and 3) under a cap of 3: one more fan, the next in line.
    const step = await admitAndCopy(row.id);
    expect(step.passes.map((pass) => pass.userId)).toEqual([fanIds[3]]);
    expect(await redis.zcard(windowKeys({ prefix, windowId: row.id }).active)).toBe(3);
    expect(await waitingOrder(redis, prefix, w)).toEqual(fanIds.slice(4));
    expect((await statusOf(redis, prefix, w, fanIds[0]!)).state).toBe('EXPIRED');
    const copied = await prisma.waitingRoomFan.count({
      where: { windowId: row.id, admissionJti: { not: null } },
    });
    expect(copied).toBe(4);
  });
});
