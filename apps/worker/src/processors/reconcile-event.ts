// Processes per-event reconcile jobs: applies the event's change stream to Postgres (see
// core/reconciliation/reconcile-event.ts). Jobs of different events run in parallel; the job id
// and the locked cursor row keep one writer per event.
import {
  recordAppliedVersion,
  unmarkEventActive,
} from '@tessera/core/reconciliation/active-events.store';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import type { PrismaClient } from '@tessera/db/client';
import { SeatSyncJob, SeatSyncQueueName, ZReconcileEventJobData } from '@tessera/jobs/queues';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { instrumentJob } from '../observability/job-context.ts';
import { reconciliationCommitLag, streamEntryAgeSeconds } from '../observability/job-metrics.ts';

export interface ReconcileWorkerDeps {
  prisma: PrismaClient;
  redis: Redis;
  seatPrefix: string;
  connection: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  /** BullMQ lockDuration / stalledInterval (defaults 30 s each). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export const processReconcileEvent =
  ({ prisma, redis, seatPrefix, logger }: Omit<ReconcileWorkerDeps, 'connection' | 'prefix'>) =>
  async (job: Job<unknown, unknown, string>) => {
    if (job.name !== SeatSyncJob.RECONCILE_EVENT) {
      throw new Error(`Unknown reconcile job "${job.name}"`);
    }
    const { eventId, throughVersion } = ZReconcileEventJobData.parse(job.data);
    const startedAt = performance.now();
    const result = await reconcileEvent({
      prisma,
      redis,
      prefix: seatPrefix,
      eventId,
      throughVersion,
    });
    const ms = Math.round(performance.now() - startedAt);
    logger.debug({ eventId, applied: result.applied, batches: result.batches, ms }, 'reconciled');
    // A deleted event stops being visited.
    if (!result.found) await unmarkEventActive({ redis, prefix: seatPrefix, eventId });
    else if (result.cursor) {
      if (result.applied > 0)
        reconciliationCommitLag.observe(streamEntryAgeSeconds(result.cursor.streamId));
      await recordAppliedVersion({
        redis,
        prefix: seatPrefix,
        eventId,
        version: result.cursor.version,
      });
    }
    if (result.resynced)
      logger.warn({ eventId, cursor: result.cursor }, 'rebuilt hold mirror from a Redis snapshot');
    return { ...result, cursor: result.cursor && { ...result.cursor } };
  };

export const createReconcileWorker = (deps: ReconcileWorkerDeps) =>
  new Worker(
    SeatSyncQueueName.RECONCILE,
    instrumentJob(SeatSyncQueueName.RECONCILE, processReconcileEvent(deps)),
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency ?? 4,
      lockDuration: deps.lockDurationMs ?? 30_000,
      stalledInterval: deps.stalledIntervalMs ?? 30_000,
    },
  );
