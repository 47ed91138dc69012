// Fault: the worker SIGKILLed mid-batch and restarted. Holds (short TTLs, so the sweeper's expiries
// flow too) are driven through the Lua scripts while the real worker (apps/worker/src/main.ts, its
// own process) reconciles the change stream into Postgres. The worker is killed while a reconcile
// job is active (BullMQ active count > 0), more holds arrive while it is down, and a new worker
// starts. Proves: the killed job stays locked, becomes stalled once its lock lapses and is retried
// by the new worker (reconcile lock and stalled-check period shortened via RECONCILE_LOCK_MS /
// RECONCILE_STALLED_INTERVAL_MS); the Postgres cursor never moves backwards; no hold is mirrored
// twice or lost (every hold made is in Postgres exactly once, no seat in two live holds); the
// invariant checker passes after the drain. Prints requests served, errors, recovery time.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoldRefusedError } from '@tessera/core/holds/hold-refusal';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { loadEventSeatState } from '@tessera/core/holds/load-event-seat-state';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { checkInvariants } from '@tessera/core/invariants/check-invariants';
import { createGridVenue } from '@tessera/core/testing/grid-venue';
import { createPrismaClient } from '@tessera/db/client';
import { bullmqPrefix } from '@tessera/jobs/queues';
import { createReconcileQueue, type ReconcileQueue } from '@tessera/jobs/seat-sync-queues';
import { startWorker, stopWorker, type WorkerProcess } from './processes.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LOCK_MS = 2_000;
const STALLED_INTERVAL_MS = 1_000;

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 4 });
const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
const bullConnection = createRedisClient({ redisUrl: process.env.REDIS_URL!, forBullmq: true });
const prefix = `faults-worker:${randomUUID().slice(0, 8)}:`;
let queue: ReconcileQueue;
let worker: WorkerProcess | undefined;
let eventId: string;
let seatIds: number[];
let userIds: string[];

const workerEnv = {
  DATABASE_URL: process.env.DATABASE_URL!,
  REDIS_URL: process.env.REDIS_URL!,
  REDIS_PREFIX: prefix,
  WORKER_METRICS_PORT: '5150',
  WORKER_METRICS_HOST: '127.0.0.1',
  RECONCILE_EVERY_MS: '50',
  SWEEP_EVERY_MS: '100',
  RECONCILE_LOCK_MS: String(LOCK_MS),
  RECONCILE_STALLED_INTERVAL_MS: String(STALLED_INTERVAL_MS),
};

beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  const venue = await createGridVenue({ prisma, rows: 10, seatsPerRow: 20, name: `Faults ${tag}` });
  seatIds = venue.seatIds;
  const event = await prisma.event.create({
    data: {
      title: `Worker kill ${tag}`,
      description: 'worker kill fault test',
      category: 'CONCERT',
      city: venue.city,
      venueId: venue.venueId,
      startsAt: new Date(Date.now() + 86_400_000),
      capacity: seatIds.length,
      status: 'PUBLISHED',
    },
  });
  eventId = event.id;
  const emails = Array.from({ length: 40 }, (_, i) => `faults-${tag}-${i}@example.test`);
  await prisma.user.createMany({
    data: emails.map((email) => ({ email, name: 'Fault fan', passwordHash: 'x' })),
  });
  userIds = (
    await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } })
  ).map((u) => u.id);
  await loadEventSeatState({ prisma, redis, prefix, eventId });
  queue = createReconcileQueue({ connection: bullConnection, prefix: bullmqPrefix(prefix) });
  worker = await startWorker(workerEnv);
}, 90_000);

afterAll(async () => {
  await stopWorker(worker);
  await queue?.close();
  await prisma.event.deleteMany({ where: { id: eventId } });
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  bullConnection.disconnect();
  await Promise.all([prisma.$disconnect(), redis.quit()]);
});

describe('the worker SIGKILLed mid-batch and restarted', () => {
  it('retries the killed job: nothing persisted twice, nothing lost, invariants pass', async () => {
    // Holds of two neighbouring seats with TTLs of 0.6–1.2 s, from a few concurrent "fans".
    const made = new Set<string>();
    const refusals: Record<string, number> = {};
    let attempts = 0;
    let driving = true;
    const fan = async (n: number) => {
      for (let i = n; driving; i += 7) {
        const at = (i * 2) % (seatIds.length - 1);
        attempts++;
        try {
          const held = await holdSeats({
            redis,
            prefix,
            eventId,
            userId: userIds[i % userIds.length]!,
            seatIds: seatIds.slice(at, at + 2),
            ttlMs: 600 + (i % 7) * 100,
            perUserSeatLimit: 1_000,
          });
          made.add(held.holdId);
        } catch (error) {
          const code = error instanceof HoldRefusedError ? error.refusal : 'ERROR';
          refusals[code] = (refusals[code] ?? 0) + 1;
        }
        await sleep(5);
      }
    };
    const fans = Array.from({ length: 6 }, (_, n) => fan(n));

    // The Postgres cursor, polled throughout: it must never move backwards.
    const cursorSeen: number[] = [];
    let polling = true;
    const pollCursor = (async () => {
      while (polling) {
        const row = await prisma.eventSeatCursor.findUnique({ where: { eventId } });
        cursorSeen.push(Number(row?.appliedVersion ?? 0));
        await sleep(20);
      }
    })();

    // Steady load first, then kill the worker at a moment a reconcile job is running.
    await sleep(1_500);
    const watchUntil = Date.now() + 20_000;
    let caughtActive = false;
    while (!caughtActive && Date.now() < watchUntil)
      caughtActive = (await queue.getActiveCount()) > 0;
    worker!.child.kill('SIGKILL');
    const killedAt = Date.now();
    await worker!.exited;
    const stuck = await queue.getActive();
    const versionAtKill = Number(await redis.hget(`${prefix}{ev:${eventId}}:meta`, 'version'));

    // Holds keep coming while no worker runs; then a new worker starts.
    await sleep(1_000);
    worker = await startWorker(workerEnv);
    const restartedAt = Date.now();
    await sleep(1_500);
    driving = false;
    await Promise.all(fans);

    // Drain: the new worker catches up (the stalled job retried, later changes applied).
    const check = () => checkInvariants({ prisma, redis, prefix, eventIds: [eventId] });
    let report = await check();
    const drainUntil = Date.now() + 30_000;
    while ((report.events[0]?.reconciliationLag !== 0 || !report.ok) && Date.now() < drainUntil) {
      await sleep(100);
      report = await check();
    }
    const recoveredAt = Date.now();
    polling = false;
    await pollCursor;
    const cursorAfter = Number(
      (await prisma.eventSeatCursor.findUnique({ where: { eventId } }))?.appliedVersion ?? 0,
    );
    // BullMQ's event stream for the reconcile queue: the killed job marked stalled (moved back
    // to wait for the new worker) and never failed.
    const events = (await bullConnection.xrange(queue.keys.events!, '-', '+')).map(
      ([, fields]) =>
        Object.fromEntries(fields.flatMap((f, i) => (i % 2 ? [] : [[f, fields[i + 1]]]))) as Record<
          string,
          string
        >,
    );
    const stuckId = stuck[0]?.id;
    const stalled = events.filter((e) => e.event === 'stalled' && e.jobId === stuckId).length;
    const failed = events.filter((e) => e.event === 'failed' && e.jobId === stuckId).length;

    // Every hold made is mirrored exactly once; no seat belongs to two live holds.
    const mirrored = await prisma.hold.findMany({ where: { eventId }, select: { id: true } });
    const mirroredIds = mirrored.map((h) => h.id);
    const missing = [...made].filter((id) => !mirroredIds.includes(id));
    const doubleHeld = await prisma.$queryRaw<{ seat_id: number }[]>`
      SELECT hs.seat_id FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
      WHERE hs.event_id = ${eventId}::uuid AND h.status = 'ACTIVE' AND h.expires_at > now()
      GROUP BY hs.seat_id HAVING count(*) > 1`;
    const backwards = cursorSeen.filter((v, i) => i > 0 && v < cursorSeen[i - 1]!).length;

    print(
      [
        `\nFault: worker SIGKILLed mid-batch (reconcile job active at the kill: ${caughtActive}, ${stuck.length} left locked, marked stalled and retried ${stalled}x)`,
        `  requests served: ${attempts} hold attempts, ${made.size} holds made; refusals ${JSON.stringify(refusals)}`,
        `  errors seen by fans: ${refusals.ERROR ?? 0} (holds are taken in Redis; only reconciliation stopped)`,
        `  stream version at kill ${versionAtKill}, cursor after drain ${cursorAfter}; cursor went backwards ${backwards} times`,
        `  recovery: new worker ready ${restartedAt - killedAt} ms after the kill, reconciliation lag 0 and invariants ${report.ok ? 'PASS' : 'FAIL'} ${recoveredAt - killedAt} ms after the kill`,
      ].join('\n'),
    );

    expect(caughtActive).toBe(true);
    // The killed worker's job stayed active under its lock; the new worker took it over.
    expect(stuck.map((j) => j.id)).toEqual([`reconcile-${eventId}`]);
    expect(stalled).toBeGreaterThan(0);
    expect(failed).toBe(0);
    expect(refusals.ERROR ?? 0).toBe(0);
    expect(made.size).toBeGreaterThan(0);
    expect(cursorAfter).toBeGreaterThanOrEqual(versionAtKill);
    expect(backwards).toBe(0);
    expect(mirroredIds.length).toBe(new Set(mirroredIds).size);
    expect(missing).toEqual([]);
    expect(mirroredIds.length).toBe(made.size);
    expect(doubleHeld).toEqual([]);
    expect(report.events[0]?.reconciliationLag).toBe(0);
    expect(report.ok).toBe(true);
  }, 120_000);
});
