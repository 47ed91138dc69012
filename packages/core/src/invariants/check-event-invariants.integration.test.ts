// The invariant checker passes on a consistent event and fails, naming the seat, when Postgres or
// Redis is corrupted on purpose.
import { createPrismaClient } from '@tessera/db/client';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eventKeys } from '../holds/keys.ts';
import { sellHold } from '../holds/sell-hold.ts';
import { connectTestRedis, dropPrefix, randomPrefix } from '../holds/test-support.ts';
import { reconcileEvent } from '../reconciliation/reconcile-event.ts';
import {
  createReconciliationFixture,
  deleteReconciliationFixture,
  type ReconciliationFixture,
} from '../reconciliation/reconciliation-fixture.ts';
import { checkEventInvariants } from './check-event-invariants.ts';
import { checkInvariants } from './check-invariants.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 4 });
const redis = connectTestRedis();
const prefix = randomPrefix();
const fixtures: ReconciliationFixture[] = [];
let fx: ReconciliationFixture;
let heldHoldId = '';

/** Seats 0-1 held, seats 4-5 sold (order committed in Postgres, then sold in Redis). */
beforeEach(async () => {
  fx = await createReconciliationFixture({ prisma, redis, prefix });
  fixtures.push(fx);
  heldHoldId = (await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] })).holdId;
  const sold = await fx.hold({ seats: [fx.seats[4]!, fx.seats[5]!], fan: 1 });
  await reconcileEvent({ prisma, redis, prefix, eventId: fx.eventId });
  await sellSeats(sold.holdId, [fx.seats[4]!, fx.seats[5]!]);
  await sellHold({ ...fx.store, holdId: sold.holdId, userId: fx.fans[1] });
  await reconcileEvent({ prisma, redis, prefix, eventId: fx.eventId });
});
afterAll(async () => {
  for (const fixture of fixtures) await deleteReconciliationFixture(prisma, fixture);
  await dropPrefix(redis, prefix);
  redis.disconnect();
  await prisma.$disconnect();
});

const sellSeats = (holdId: string | null, seatIds: number[]) =>
  prisma.order.create({
    data: {
      userId: fx.fans[1],
      eventId: fx.eventId,
      holdId,
      totalCents: 100 * seatIds.length,
      status: 'CONFIRMED',
      seats: {
        create: seatIds.map((seatId) => ({ eventId: fx.eventId, seatId, priceCents: 100 })),
      },
    },
  });
const check = () => checkEventInvariants({ prisma, redis, prefix, eventId: fx.eventId });
const failed = async () => {
  const report = (await check())!;
  return Object.fromEntries(report.checks.filter((c) => !c.ok).map((c) => [c.name, c]));
};

describe('checkEventInvariants', () => {
  it('passes on a consistent event', async () => {
    const report = await check();
    expect(report).toMatchObject({
      ok: true,
      loadedInRedis: true,
      soldInPostgres: 2,
      heldInRedis: 2,
      reconciliationLag: 0,
    });
    expect(report!.checks.map((c) => [c.name, c.ok])).toEqual([
      ['no-double-sale', true],
      ['within-capacity', true],
      ['sold-not-free-in-redis', true],
      ['sold-seats-agree', true],
      ['held-seats-agree', true],
    ]);
  });

  it('fails and names the seat sold in Postgres but available in Redis', async () => {
    const seat = await prisma.seat.findUniqueOrThrow({
      where: { id: fx.seats[8]! },
      include: { row: true },
    });
    await sellSeats(null, [seat.id]);

    const broken = await failed();

    expect(Object.keys(broken).sort()).toEqual(['sold-not-free-in-redis', 'sold-seats-agree']);
    expect(broken['sold-not-free-in-redis']!.mismatches).toEqual([
      {
        seatId: seat.id,
        seat: `${seat.row.label}-${seat.label}`,
        postgres: 'sold',
        redis: 'available',
      },
    ]);
  });

  it('fails and names the seat Redis holds for a hold Postgres does not know', async () => {
    const seatId = fx.seats[10]!;
    const bogus = '11111111-2222-4333-8444-555555555555';
    await redis.hset(eventKeys(fx.store).seats, String(seatId), `${Date.now() + 600_000}:${bogus}`);

    const broken = await failed();

    expect(Object.keys(broken)).toEqual(['held-seats-agree']);
    expect(broken['held-seats-agree']!.mismatches).toMatchObject([
      { seatId, postgres: 'available', redis: `held by ${bogus}` },
    ]);
  });

  it('fails and names the seats Redis still holds for a hold Postgres ended', async () => {
    await prisma.hold.update({ where: { id: heldHoldId }, data: { status: 'RELEASED' } });

    const broken = await failed();

    expect(broken['held-seats-agree']!.mismatches.map((m) => m.seatId)).toEqual([
      fx.seats[0],
      fx.seats[1],
    ]);
  });

  it('fails when sold + held exceeds the capacity', async () => {
    await prisma.event.update({ where: { id: fx.eventId }, data: { capacity: 3 } });
    expect(Object.keys(await failed())).toEqual(['within-capacity']);
  });

  it('reports unknown event ids as not found, failing the whole report', async () => {
    const missing = '00000000-0000-4000-8000-00000000abcd';
    const report = await checkInvariants({
      prisma,
      redis,
      prefix,
      eventIds: [fx.eventId, missing],
    });
    expect(report.ok).toBe(false);
    expect(report.notFound).toEqual([missing]);
    expect(report.events.map((e) => [e.eventId, e.ok])).toEqual([[fx.eventId, true]]);
  });
});
