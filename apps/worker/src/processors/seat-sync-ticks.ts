// Processes the seat-sync ticks: the reconcile tick fans out one reconcile job per active event
// with unapplied changes (deduplicated by job id); the sweep tick frees expired seats of every
// active event.
import { listEventsBehind } from '@tessera/core/reconciliation/active-events.store';
import { sweepExpiredHolds } from '@tessera/core/reconciliation/sweep-expired-holds';
import { SeatSyncJob, SeatSyncQueueName } from '@tessera/jobs/queues';
import { enqueueReconcileEvents, type ReconcileQueue } from '@tessera/jobs/seat-sync-queues';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { instrumentJob } from '../observability/job-context.ts';

export interface SeatSyncTickDeps {
  /** Client for seat-state keys and scripts (not a BullMQ connection). */
  redis: Redis;
  /** Prefix of seat-state keys (REDIS_PREFIX). */
  seatPrefix: string;
  reconcileQueue: ReconcileQueue;
  connection: Redis;
  /** BullMQ key prefix. */
  prefix: string;
  logger: Logger;
}

export const processSeatSyncTick =
  ({
    redis,
    seatPrefix,
    reconcileQueue,
    logger,
  }: Omit<SeatSyncTickDeps, 'connection' | 'prefix'>) =>
  async (job: Job<unknown, unknown, string>) => {
    if (job.name === SeatSyncJob.RECONCILE_TICK) {
      const eventIds = await listEventsBehind({ redis, prefix: seatPrefix });
      await enqueueReconcileEvents(reconcileQueue, eventIds);
      return { events: eventIds.length };
    }
    if (job.name === SeatSyncJob.SWEEP_TICK) {
      const result = await sweepExpiredHolds({ redis, prefix: seatPrefix });
      if (result.freedSeats > 0) logger.debug(result, 'swept expired holds');
      return result;
    }
    throw new Error(`Unknown seat-sync job "${job.name}"`);
  };

export const createSeatSyncTickWorker = (deps: SeatSyncTickDeps) =>
  new Worker(
    SeatSyncQueueName.TICKS,
    instrumentJob(SeatSyncQueueName.TICKS, processSeatSyncTick(deps)),
    {
      connection: deps.connection,
      prefix: deps.prefix,
      // The two ticks run side by side; each tick kind has at most one job at a time.
      concurrency: 2,
    },
  );
