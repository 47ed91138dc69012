// Queue names and job payload schemas: the contract between producers (api, worker) and processors.
import { z } from 'zod';

/**
 * The BullMQ key prefix for a deployment's REDIS_PREFIX, wrapped in one hash tag: every queue's keys
 * then share a cluster slot, as BullMQ's multi-key scripts require on Redis Cluster.
 */
export const bullmqPrefix = (redisPrefix: string) => {
  if (/[{}]/.test(redisPrefix)) throw new Error('REDIS_PREFIX must not contain braces');
  return `{${redisPrefix}bull}`;
};

export const QueueName = {
  MAINTENANCE: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const MaintenanceJob = {
  PURGE_EXPIRED_SESSIONS: 'purge-expired-sessions',
  PURGE_EXPIRED_IDEMPOTENCY: 'purge-expired-idempotency',
} as const;
export type MaintenanceJob = (typeof MaintenanceJob)[keyof typeof MaintenanceJob];

export const ZPurgeJobData = z.object({
  /** Rows expired for at least this long are deleted (keeps a short audit window). */
  graceSeconds: z
    .number()
    .int()
    .min(0)
    .max(86_400 * 30)
    .default(0),
  batchSize: z.number().int().min(1).max(100_000).default(5_000),
});
export type PurgeJobData = z.infer<typeof ZPurgeJobData>;

/** Seat-state sync: recurring ticks (reconcile fan-out, sweeper) and per-event reconcile jobs. */
export const SeatSyncQueueName = {
  TICKS: 'seat-sync',
  RECONCILE: 'seat-reconcile',
} as const;

export const SeatSyncJob = {
  RECONCILE_TICK: 'reconcile-tick',
  SWEEP_TICK: 'sweep-tick',
  RECONCILE_EVENT: 'reconcile-event',
} as const;
export type SeatSyncJob = (typeof SeatSyncJob)[keyof typeof SeatSyncJob];

export const ZReconcileEventJobData = z.object({
  eventId: z.uuid(),
  /** Reconcile nothing newer than this version; absent: everything the stream holds. */
  throughVersion: z.number().int().positive().optional(),
});
export type ReconcileEventJobData = z.infer<typeof ZReconcileEventJobData>;
