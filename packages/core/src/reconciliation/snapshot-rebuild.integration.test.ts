// Reconciliation rebuilds the Postgres mirror from a Redis snapshot when the stream no longer
// reaches the cursor: trimmed past it, or Redis lost the event and reloaded it.
import { createPrismaClient } from '@tessera/db/client';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eventKeys } from '../holds/keys.ts';
import { ensureEventLoaded } from '../holds/load-event-seat-state.ts';
import { releaseHold } from '../holds/release-hold.ts';
import { connectTestRedis, dropPrefix, randomPrefix, readVersion } from '../holds/test-support.ts';
import { reconcileEvent } from './reconcile-event.ts';
import {
  createReconciliationFixture,
  deleteReconciliationFixture,
  type ReconciliationFixture,
} from './reconciliation-fixture.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 4 });
const redis = connectTestRedis();
const prefix = randomPrefix();
const fixtures: ReconciliationFixture[] = [];
let fx: ReconciliationFixture;

beforeEach(async () => {
  fx = await createReconciliationFixture({ prisma, redis, prefix });
  fixtures.push(fx);
});
afterAll(async () => {
  for (const fixture of fixtures) await deleteReconciliationFixture(prisma, fixture);
  await dropPrefix(redis, prefix);
  redis.disconnect();
  await prisma.$disconnect();
});

const reconcile = (extra: { throughVersion?: number; batchSize?: number } = {}) =>
  reconcileEvent({ prisma, redis, prefix, eventId: fx.eventId, ...extra });
const holdRow = (holdId: string) =>
  prisma.hold.findUniqueOrThrow({ where: { id: holdId }, include: { seats: true } });

describe('reconcileEvent rebuilding from a Redis snapshot', () => {
  it('rebuilds from a Redis snapshot when the stream was trimmed past the cursor', async () => {
    const a = await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] });
    await reconcile();
    const b = await fx.hold({ seats: [fx.seats[4]!, fx.seats[5]!], fan: 1 });
    await releaseHold({ ...fx.store, holdId: a.holdId, userId: fx.fans[0] });
    const c = await fx.hold({ seats: [fx.seats[8]!, fx.seats[9]!] });
    // Drop everything but the newest entry: the cursor's entry and the release are gone.
    await redis.xtrim(eventKeys(fx.store).stream, 'MAXLEN', 1);

    const result = await reconcile();

    expect(result.resynced).toBe(true);
    expect(result.cursor?.version).toBe(c.version);
    expect(await holdRow(b.holdId)).toMatchObject({ status: 'ACTIVE' });
    expect(await holdRow(c.holdId)).toMatchObject({ status: 'ACTIVE' });
    // Released holds leave no record in Redis: the rebuild ends them as no longer held.
    expect((await holdRow(a.holdId)).status).not.toBe('ACTIVE');
    const cursor = await prisma.eventSeatCursor.findUniqueOrThrow({
      where: { eventId: fx.eventId },
    });
    expect(cursor.resyncedAt).not.toBeNull();
  });

  it('rebuilds from the reloaded state: reconciled holds survive, versions keep rising', async () => {
    const kept = await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] });
    const before = await reconcile();
    const unreconciled = await fx.hold({ seats: [fx.seats[4]!, fx.seats[5]!], fan: 1 });
    await dropPrefix(redis, `${prefix}{ev:${fx.eventId}}`);

    await ensureEventLoaded({ prisma, ...fx.store });
    const after = await fx.hold({ seats: [fx.seats[8]!, fx.seats[9]!] });
    const result = await reconcile();

    expect(result.resynced).toBe(true);
    expect(after.version).toBeGreaterThan(before.cursor!.version);
    expect(result.cursor?.version).toBe(await readVersion(redis, prefix, fx.eventId));
    expect(await holdRow(kept.holdId)).toMatchObject({ status: 'ACTIVE' });
    expect(await holdRow(after.holdId)).toMatchObject({ status: 'ACTIVE' });
    // A hold Redis lost before it was reconciled is gone from both sides (the fan holds again).
    expect(await prisma.hold.findUnique({ where: { id: unreconciled.holdId } })).toBeNull();
    const seats = await redis.hgetall(eventKeys(fx.store).seats);
    expect(seats[String(fx.seats[4])]).toBe('0');
  });
});
