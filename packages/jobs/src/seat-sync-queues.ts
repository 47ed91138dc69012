// Typed access to the seat-sync queues: the recurring ticks and the per-event reconcile jobs.
// A reconcile job's id is derived from its event, so at most one waits or runs per event.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { SeatSyncJob, SeatSyncQueueName, type ReconcileEventJobData } from './queues.ts';

export type SeatSyncTickQueue = Queue<Record<string, never>, unknown, SeatSyncJob>;
export type ReconcileQueue = Queue<ReconcileEventJobData, unknown, SeatSyncJob>;

interface QueueOptions {
  connection: Redis;
  prefix: string;
}

export const createSeatSyncTickQueue = ({ connection, prefix }: QueueOptions): SeatSyncTickQueue =>
  new Queue(SeatSyncQueueName.TICKS, { connection, prefix });

export const createReconcileQueue = ({ connection, prefix }: QueueOptions): ReconcileQueue =>
  new Queue(SeatSyncQueueName.RECONCILE, { connection, prefix });

/** Registers both ticks; upserting keeps one schedule however many workers start. */
export const scheduleSeatSync = async (
  queue: SeatSyncTickQueue,
  {
    reconcileEveryMs = 200,
    sweepEveryMs = 300,
  }: { reconcileEveryMs?: number; sweepEveryMs?: number } = {},
) => {
  // Ticks are worthless once past: never keep them around.
  const opts = { removeOnComplete: true, removeOnFail: true };
  await queue.upsertJobScheduler(
    SeatSyncJob.RECONCILE_TICK,
    { every: reconcileEveryMs },
    { name: SeatSyncJob.RECONCILE_TICK, data: {}, opts },
  );
  await queue.upsertJobScheduler(
    SeatSyncJob.SWEEP_TICK,
    { every: sweepEveryMs },
    { name: SeatSyncJob.SWEEP_TICK, data: {}, opts },
  );
};

/** BullMQ job ids may not contain ':' (except its own 3-part form). */
export const reconcileJobId = (eventId: string) => `reconcile-${eventId}`;

/**
 * Enqueues one reconcile job per event unless one is already waiting or running (same job id).
 * Completed and failed jobs are removed so the next tick can enqueue again.
 */
export const enqueueReconcileEvents = async (queue: ReconcileQueue, eventIds: string[]) => {
  if (eventIds.length === 0) return [];
  return queue.addBulk(
    eventIds.map((eventId) => ({
      name: SeatSyncJob.RECONCILE_EVENT,
      data: { eventId },
      opts: { jobId: reconcileJobId(eventId), removeOnComplete: true, removeOnFail: true },
    })),
  );
};
