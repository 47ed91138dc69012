// Typed access to the maintenance queue and its recurring schedule.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { MaintenanceJob, QueueName, type PurgeJobData } from './queues.ts';

export type MaintenanceQueue = Queue<PurgeJobData, unknown, MaintenanceJob>;

export const createMaintenanceQueue = ({
  connection,
  prefix,
}: {
  connection: Redis;
  prefix: string;
}) =>
  new Queue<PurgeJobData, unknown, MaintenanceJob>(QueueName.MAINTENANCE, { connection, prefix });

/** Registers the recurring purges; upserting keeps one schedule however many workers start. */
export const scheduleMaintenance = async (queue: MaintenanceQueue, everyMs = 10 * 60_000) => {
  const opts = { removeOnComplete: 100, removeOnFail: 500 };
  await queue.upsertJobScheduler(
    MaintenanceJob.PURGE_EXPIRED_SESSIONS,
    { every: everyMs },
    {
      name: MaintenanceJob.PURGE_EXPIRED_SESSIONS,
      data: { graceSeconds: 0, batchSize: 5_000 },
      opts,
    },
  );
  await queue.upsertJobScheduler(
    MaintenanceJob.PURGE_EXPIRED_IDEMPOTENCY,
    { every: everyMs },
    {
      name: MaintenanceJob.PURGE_EXPIRED_IDEMPOTENCY,
      data: { graceSeconds: 0, batchSize: 5_000 },
      opts,
    },
  );
};
