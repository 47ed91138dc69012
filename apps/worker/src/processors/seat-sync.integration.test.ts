// The seat-sync workers on real queues: the ticks alone carry holds, releases and expiries into
// Postgres (no manual reconcile), and one event never has two reconcile jobs queued at once.
import { releaseHold } from '@tessera/core/holds/release-hold';
import type { ReconciliationFixture } from '@tessera/core/reconciliation/reconciliation-fixture';
import {
  createReconcileQueue,
  createSeatSyncTickQueue,
  enqueueReconcileEvents,
  scheduleSeatSync,
} from '@tessera/jobs/seat-sync-queues';
import { bullmqPrefix } from '@tessera/jobs/queues';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTickTestStores } from '../testing/tick-test-stores.ts';
import { createReconcileWorker } from './reconcile-event.ts';
import { createSeatSyncTickWorker } from './seat-sync-ticks.ts';

const stores = openTickTestStores('seat-sync', { poolSize: 4 });
const { prisma, redis, run, seatPrefix, logger } = stores;
const connection = stores.queueConnection();
let fx: ReconciliationFixture;

const started = (prefix: string) => {
  const tickQueue = createSeatSyncTickQueue({ connection, prefix });
  const reconcileQueue = createReconcileQueue({ connection, prefix });
  const workers = [
    createSeatSyncTickWorker({ redis, seatPrefix, reconcileQueue, connection, prefix, logger }),
    createReconcileWorker({ prisma, redis, seatPrefix, connection, prefix, logger }),
  ];
  return { tickQueue, reconcileQueue, workers };
};
const live = started(stores.queuePrefix);

beforeAll(async () => {
  fx = await stores.reconciliationFixture();
  await scheduleSeatSync(live.tickQueue, { reconcileEveryMs: 100, sweepEveryMs: 100 });
});
afterAll(async () => {
  await Promise.all(live.workers.map((w) => w.close()));
  for (const queue of [live.tickQueue, live.reconcileQueue]) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
  await stores.close();
});

const statusOf = async (holdId: string) =>
  (await prisma.hold.findUnique({ where: { id: holdId } }))?.status ?? null;
const eventually = (check: () => Promise<void>) =>
  vi.waitFor(check, { timeout: 10_000, interval: 50 });

describe('seat-sync workers', () => {
  it('reconcile holds and releases, and sweep then reconcile expiries, on their own', async () => {
    const released = await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] });
    const expiring = await fx.hold({ seats: [fx.seats[4]!, fx.seats[5]!], fan: 1, ttlMs: 300 });
    await releaseHold({ ...fx.store, holdId: released.holdId, userId: fx.fans[0] });

    await eventually(async () => expect(await statusOf(released.holdId)).toBe('RELEASED'));
    await eventually(async () => expect(await statusOf(expiring.holdId)).toBe('EXPIRED'));
    const seats = await redis.hmget(
      `${seatPrefix}{ev:${fx.eventId}}:seats`,
      String(fx.seats[4]),
      String(fx.seats[5]),
    );
    expect(seats).toEqual(['0', '0']);
  });

  it('queues at most one reconcile job per event', async () => {
    // A queue with no worker: the jobs stay waiting, so the dedupe is visible.
    const idle = createReconcileQueue({ connection, prefix: bullmqPrefix(`test:${run}:idle:`) });
    await enqueueReconcileEvents(idle, [fx.eventId, fx.eventId]);
    await enqueueReconcileEvents(idle, [fx.eventId]);
    expect(await idle.getJobCounts('waiting', 'active')).toEqual({ waiting: 1, active: 0 });
    await idle.obliterate({ force: true });
    await idle.close();
  });
});
