// Processes the maintenance queue: purges expired sessions and idempotency records.
import { purgeExpired, type PurgeableTable } from '@tessera/core/housekeeping/purge-expired';
import type { PrismaClient } from '@tessera/db/client';
import { MaintenanceJob, QueueName, ZPurgeJobData, type PurgeJobData } from '@tessera/jobs/queues';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { instrumentJob } from '../observability/job-context.ts';

const TABLE_BY_JOB: Record<MaintenanceJob, PurgeableTable> = {
  [MaintenanceJob.PURGE_EXPIRED_SESSIONS]: 'sessions',
  [MaintenanceJob.PURGE_EXPIRED_IDEMPOTENCY]: 'idempotency_records',
};

export interface MaintenanceWorkerDeps {
  prisma: PrismaClient;
  connection: Redis;
  prefix: string;
  logger: Logger;
}

export const processMaintenanceJob =
  ({ prisma, logger }: Pick<MaintenanceWorkerDeps, 'prisma' | 'logger'>) =>
  async (job: Job<PurgeJobData, unknown, string>) => {
    const table = TABLE_BY_JOB[job.name as MaintenanceJob];
    if (!table) throw new Error(`Unknown maintenance job "${job.name}"`);
    const { graceSeconds, batchSize } = ZPurgeJobData.parse(job.data);
    const deleted = await purgeExpired({ prisma, table, graceSeconds, batchSize });
    logger.info({ job: job.name, jobId: job.id, deleted }, 'purged expired rows');
    return { deleted };
  };

export const createMaintenanceWorker = (deps: MaintenanceWorkerDeps) =>
  new Worker<PurgeJobData, { deleted: number }, string>(
    QueueName.MAINTENANCE,
    instrumentJob(QueueName.MAINTENANCE, processMaintenanceJob(deps)),
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: 1,
    },
  );
