// Queue names and job payload schemas: the contract between producers (api, worker) and processors.
import { z } from 'zod';

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
