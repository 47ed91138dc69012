// Reconciliation against real Redis and Postgres: changes made through the hold scripts reach the
// Postgres mirror in version order, and replayed, reordered or concurrent runs change nothing.
import { createPrismaClient } from '@tessera/db/client';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { extendHold } from '../holds/extend-hold.ts';
import { holdSeats } from '../holds/hold-seats.ts';
import { eventKeys } from '../holds/keys.ts';
import { releaseHold } from '../holds/release-hold.ts';
import { sellHold } from '../holds/sell-hold.ts';
import { connectTestRedis, dropPrefix, randomPrefix, readVersion } from '../holds/test-support.ts';
import { applyBatch } from './apply-batch.repository.ts';
import { splitChanges } from './apply-changes.ts';
import type { ReconcilableChange } from './fold-changes.ts';
import { reconcileEvent } from './reconcile-event.ts';
import { parseStreamEntry } from '../holds/stream-entry.ts';
import {
  createReconciliationFixture,
  deleteReconciliationFixture,
  readHoldMirror,
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

describe('reconcileEvent', () => {
  it('persists holds, extensions, releases and sales made through the scripts', async () => {
    const [s0, s1, , , s4, s5, , , s8, s9] = fx.seats;
    const kept = await fx.hold({ seats: [s0!, s1!] });
    const released = await fx.hold({ seats: [s4!, s5!], fan: 1 });
    const sold = await fx.hold({ seats: [s8!, s9!] });
    await releaseHold({ ...fx.store, holdId: released.holdId, userId: fx.fans[1] });
    const extended = await extendHold({
      ...fx.store,
      holdId: kept.holdId,
      userId: fx.fans[0],
      extensionMs: 120_000,
      maxLifetimeMs: 900_000,
    });
    await sellHold({ ...fx.store, holdId: sold.holdId, userId: fx.fans[0] });

    const result = await reconcile();

    const version = await readVersion(redis, prefix, fx.eventId);
    expect(result.cursor?.version).toBe(version);
    const keptRow = await holdRow(kept.holdId);
    expect(keptRow).toMatchObject({
      status: 'ACTIVE',
      userId: fx.fans[0],
      expiresAt: new Date(extended.expiresAt),
      version: BigInt(extended.version),
    });
    expect(keptRow.extendedAt).not.toBeNull();
    expect(keptRow.seats.map((s) => [s.seatId, s.expiresAt.getTime()]).sort()).toEqual(
      [s0!, s1!].map((id) => [id, extended.expiresAt]).sort(),
    );
    expect(await holdRow(released.holdId)).toMatchObject({ status: 'RELEASED' });
    expect(await holdRow(sold.holdId)).toMatchObject({ status: 'CONVERTED' });
  });

  it('changes nothing when the same job runs again', async () => {
    await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] });
    const other = await fx.hold({ seats: [fx.seats[4]!, fx.seats[5]!], fan: 1 });
    await releaseHold({ ...fx.store, holdId: other.holdId, userId: fx.fans[1] });
    const first = await reconcile();
    const before = await readHoldMirror(prisma, fx.eventId);

    const replay = await reconcile();

    expect(replay.applied).toBe(0);
    expect(replay.cursor).toEqual(first.cursor);
    expect(await readHoldMirror(prisma, fx.eventId)).toEqual(before);
  });

  it('applies a newer range first, then finds the older range already applied', async () => {
    const holds = [];
    for (const pair of [
      [0, 1],
      [4, 5],
      [8, 9],
    ]) {
      holds.push(await fx.hold({ seats: pair.map((i) => fx.seats[i]!) }));
    }
    await releaseHold({ ...fx.store, holdId: holds[1]!.holdId, userId: fx.fans[0] });
    const newest = await readVersion(redis, prefix, fx.eventId);

    const newer = await reconcile({ throughVersion: newest });
    const afterNewer = await readHoldMirror(prisma, fx.eventId);
    const older = await reconcile({ throughVersion: holds[0]!.version });

    expect(newer.applied).toBeGreaterThanOrEqual(4);
    expect(older.applied).toBe(0);
    expect(await readHoldMirror(prisma, fx.eventId)).toEqual(afterNewer);
    expect(afterNewer.cursor?.appliedVersion).toBe(BigInt(newest));
    expect(afterNewer.holds.map((h) => [h.id, h.status]).sort()).toEqual(
      [
        [holds[0]!.holdId, 'ACTIVE'],
        [holds[1]!.holdId, 'RELEASED'],
        [holds[2]!.holdId, 'ACTIVE'],
      ].sort(),
    );
  });

  it('applies an older range, then the rest, in small batches, ending in the same state', async () => {
    const a = await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] });
    const b = await fx.hold({ seats: [fx.seats[4]!, fx.seats[5]!], fan: 1 });
    await sellHold({ ...fx.store, holdId: a.holdId, userId: fx.fans[0] });
    await releaseHold({ ...fx.store, holdId: b.holdId, userId: fx.fans[1] });

    const older = await reconcile({ throughVersion: b.version });
    expect((await holdRow(a.holdId)).status).toBe('ACTIVE');
    expect((await holdRow(b.holdId)).status).toBe('ACTIVE');
    const rest = await reconcile({ batchSize: 1 });

    expect(older.cursor?.version).toBe(b.version);
    expect(rest.batches).toBeGreaterThanOrEqual(2);
    expect((await holdRow(a.holdId)).status).toBe('CONVERTED');
    expect((await holdRow(b.holdId)).status).toBe('RELEASED');
  });

  it('writes nothing for a batch that does not start at the cursor (newer range first)', async () => {
    await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] });
    const start = (await reconcile()).cursor!;
    const skipped = await fx.hold({ seats: [fx.seats[4]!, fx.seats[5]!], fan: 1 });
    const newer = await fx.hold({ seats: [fx.seats[8]!, fx.seats[9]!] });
    const raw = await redis.xrange(eventKeys(fx.store).stream, '-', '+');
    const [skippedEntry, newerEntry] = raw.slice(-2).map(parseStreamEntry);
    const before = await readHoldMirror(prisma, fx.eventId);

    // A job that missed `skipped` tries to apply only `newer`, claiming to follow `skipped`.
    const passed = await applyBatch(prisma, {
      eventId: fx.eventId,
      from: { version: skipped.version, streamId: skippedEntry!.id },
      to: { version: newer.version, streamId: newerEntry!.id },
      ...splitChanges([newerEntry as ReconcilableChange]),
    });

    expect(passed).toBe(false);
    expect(await readHoldMirror(prisma, fx.eventId)).toEqual(before);
    expect(before.cursor?.appliedVersion).toBe(BigInt(start.version));
    await reconcile();
    expect(await holdRow(skipped.holdId)).toMatchObject({ status: 'ACTIVE' });
    expect(await holdRow(newer.holdId)).toMatchObject({ status: 'ACTIVE' });
  });

  it('skips holds of a fan deleted before reconciliation and applies the rest', async () => {
    const gone = await prisma.user.create({
      data: { email: `gone-${fx.eventId}@example.test`, name: 'Gone', passwordHash: 'x' },
    });
    const orphan = await holdSeats({
      ...fx.store,
      userId: gone.id,
      seatIds: [fx.seats[0]!, fx.seats[1]!],
      ttlMs: 60_000,
      perUserSeatLimit: 6,
    });
    const kept = await fx.hold({ seats: [fx.seats[4]!, fx.seats[5]!] });
    await prisma.user.delete({ where: { id: gone.id } });

    const result = await reconcile();

    expect(result.cursor?.version).toBe(kept.version);
    expect(await prisma.hold.findUnique({ where: { id: orphan.holdId } })).toBeNull();
    expect(await holdRow(kept.holdId)).toMatchObject({ status: 'ACTIVE' });
  });

  it('serialises concurrent runs so each change is applied once', async () => {
    for (const pair of [
      [0, 1],
      [4, 5],
      [8, 9],
    ]) {
      await fx.hold({ seats: pair.map((i) => fx.seats[i]!) });
    }
    await reconcile();
    const late = await fx.hold({ seats: [fx.seats[10]!, fx.seats[11]!], fan: 1 });
    await releaseHold({ ...fx.store, holdId: late.holdId, userId: fx.fans[1] });

    const runs = await Promise.all([reconcile(), reconcile(), reconcile()]);

    expect(runs.map((r) => r.applied).reduce((a, b) => a + b)).toBe(2);
    expect(await holdRow(late.holdId)).toMatchObject({ status: 'RELEASED' });
  });
});
