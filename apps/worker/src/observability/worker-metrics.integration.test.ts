// The worker's registry against real Redis and Postgres: each scrape shows what it read for that
// scrape (not the one before), and a store that fails leaves the scrape answering with a counted
// collector failure instead of an error.
import { randomUUID } from 'node:crypto';
import { eventKeys } from '@tessera/core/holds/keys';
import { deleteKeysByPrefix } from '@tessera/core/infra/delete-keys';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { markEventActive } from '@tessera/core/reconciliation/active-events.store';
import { createPrismaClient } from '@tessera/db/client';
import { createMaintenanceQueue } from '@tessera/jobs/maintenance-queue';
import { MaintenanceJob } from '@tessera/jobs/queues';
import { afterAll, expect, it } from 'vitest';
import { createWorkerMetrics } from './worker-metrics.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
const connection = createRedisClient({ redisUrl: process.env.REDIS_URL!, forBullmq: true });
const seatPrefix = `test:${randomUUID()}:`;
const queue = createMaintenanceQueue({ connection, prefix: `${seatPrefix}bull` });

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeysByPrefix(redis, seatPrefix);
  connection.disconnect();
  redis.disconnect();
  await prisma.$disconnect();
});

const lineOf = (text: string, series: string) =>
  text.split('\n').find((line) => line.startsWith(`${series} `));

it('shows this scrape’s queue depth and reconciliation lag on the first scrape', async () => {
  const metrics = createWorkerMetrics({ prisma, redis, seatPrefix, queues: [queue] });
  const eventId = randomUUID();
  await markEventActive({ redis, prefix: seatPrefix, eventId });
  await redis.hset(eventKeys({ prefix: seatPrefix, eventId }).meta, { version: 7, loaded: 1 });
  await queue.add(MaintenanceJob.PURGE_EXPIRED_SESSIONS, { graceSeconds: 0, batchSize: 1 });

  await metrics.refresh();
  const text = await metrics.registry.metrics();
  expect(lineOf(text, 'tessera_bullmq_queue_jobs{queue="maintenance",state="waiting"}')).toBe(
    'tessera_bullmq_queue_jobs{queue="maintenance",state="waiting"} 1',
  );
  // No cursor in Postgres for this event: all 7 versions are behind.
  expect(lineOf(text, `tessera_reconciliation_lag_versions{event_id="${eventId}"}`)).toBe(
    `tessera_reconciliation_lag_versions{event_id="${eventId}"} 7`,
  );
  expect(lineOf(text, 'tessera_metrics_collect_failures_total')).toBeUndefined();
});

it('still answers when Redis is gone, counting the collectors that failed', async () => {
  const gone = createRedisClient({ redisUrl: process.env.REDIS_URL! });
  gone.disconnect();
  const metrics = createWorkerMetrics({ prisma, redis: gone, seatPrefix, queues: [queue] });

  await metrics.refresh();
  const text = await metrics.registry.metrics();
  expect(lineOf(text, 'tessera_metrics_collect_failures_total{collector="reconciliation"}')).toBe(
    'tessera_metrics_collect_failures_total{collector="reconciliation"} 1',
  );
  expect(text).not.toContain('tessera_reconciliation_lag_versions{');
  expect(text).toContain('process_cpu_user_seconds_total');
});
