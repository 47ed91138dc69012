// The sweeper frees expired seats with stream entries, each hold on its own clock, and the expiry
// entries reconcile into Postgres like any other change.
import { createPrismaClient } from '@tessera/db/client';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  connectTestRedis,
  dropPrefix,
  randomPrefix,
  readSeats,
  readStream,
  redisClockPast,
} from '../holds/test-support.ts';
import { reconcileEvent } from './reconcile-event.ts';
import {
  createReconciliationFixture,
  deleteReconciliationFixture,
  type ReconciliationFixture,
} from './reconciliation-fixture.ts';
import { sweepExpiredHolds } from './sweep-expired-holds.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const redis = connectTestRedis();
const prefix = randomPrefix();
const fixtures: ReconciliationFixture[] = [];
afterAll(async () => {
  for (const fixture of fixtures) await deleteReconciliationFixture(prisma, fixture);
  await dropPrefix(redis, prefix);
  redis.disconnect();
  await prisma.$disconnect();
});

const waitUntilRedisPast = (ms: number) =>
  vi.waitFor(async () => expect(await redisClockPast(redis, ms)).toBe(true), {
    timeout: 5_000,
    interval: 20,
  });
const statusOf = async (holdId: string) =>
  (await prisma.hold.findUniqueOrThrow({ where: { id: holdId } })).status;

describe('sweepExpiredHolds', () => {
  it('expires two holds made at different times separately, and both expiries reconcile', async () => {
    const fx = await createReconciliationFixture({ prisma, redis, prefix });
    fixtures.push(fx);
    const [s0, s1, , , s4, s5] = fx.seats;
    const first = await fx.hold({ seats: [s0!, s1!], ttlMs: 1_000 });
    await waitUntilRedisPast(first.expiresAt - 400);
    const second = await fx.hold({ seats: [s4!, s5!], fan: 1, ttlMs: 1_000 });
    await reconcileEvent({ prisma, redis, prefix, eventId: fx.eventId });
    expect(await statusOf(first.holdId)).toBe('ACTIVE');

    await waitUntilRedisPast(first.expiresAt);
    const firstSweep = await sweepExpiredHolds({ redis, prefix });
    expect(firstSweep.freedSeats).toBe(2);
    const seats = await readSeats(redis, prefix, fx.eventId);
    expect([seats[String(s0)], seats[String(s1)]]).toEqual(['0', '0']);
    expect(seats[String(s4)]).toBe(`${second.expiresAt}:${second.holdId}`);
    expect((await readStream(redis, prefix, fx.eventId)).at(-1)).toMatchObject({
      type: 'expire',
      seats: `${s0}:${first.holdId},${s1}:${first.holdId}`,
    });
    await reconcileEvent({ prisma, redis, prefix, eventId: fx.eventId });
    expect(await statusOf(first.holdId)).toBe('EXPIRED');
    expect(await statusOf(second.holdId)).toBe('ACTIVE');

    await waitUntilRedisPast(second.expiresAt);
    expect((await sweepExpiredHolds({ redis, prefix, eventIds: [fx.eventId] })).freedSeats).toBe(2);
    await reconcileEvent({ prisma, redis, prefix, eventId: fx.eventId });
    expect(await statusOf(second.holdId)).toBe('EXPIRED');
  });

  it('skips active events whose seat state is not loaded, naming them', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const result = await sweepExpiredHolds({ redis, prefix, eventIds: [missing] });
    expect(result).toEqual({ events: 1, freedSeats: 0, notLoaded: [missing] });
  });
});
