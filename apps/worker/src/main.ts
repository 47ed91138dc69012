// Worker process: checks its services, starts the BullMQ processors and shuts down gracefully.
import { assertRedisReachable, createRedisClient } from '@tessera/core/infra/redis-client';
import { configureStreamMaxLen } from '@tessera/core/holds/hold-options';
import { createPrismaClient } from '@tessera/db/client';
import { assertPostgresReachable } from '@tessera/db/check-connection';
import { createMaintenanceQueue, scheduleMaintenance } from '@tessera/jobs/maintenance-queue';
import { bullmqPrefix } from '@tessera/jobs/queues';
import {
  createReconcileQueue,
  createSeatSyncTickQueue,
  scheduleSeatSync,
} from '@tessera/jobs/seat-sync-queues';
import { createWaitingRoomQueue, scheduleWaitingRoom } from '@tessera/jobs/waiting-room-queue';
import { requestIdOf } from '@tessera/jobs/job-context';
import { loadWorkerEnv } from './env.ts';
import { startMetricsServer } from './observability/metrics-server.ts';
import { createWorkerMetrics } from './observability/worker-metrics.ts';
import { createWorkerLogger } from './observability/worker-logger.ts';
import { startInvariantsTick } from './processors/invariants-tick.ts';
import { createMaintenanceWorker } from './processors/maintenance.ts';
import { startPaymentRecoveryTick } from './processors/payment-recovery-tick.ts';
import { createReconcileWorker } from './processors/reconcile-event.ts';
import { createSeatSyncTickWorker } from './processors/seat-sync-ticks.ts';
import { createWaitingRoomWorker } from './processors/waiting-room-tick.ts';

const env = loadWorkerEnv();
// The sweeper's stream appends trim to the same length as the API's (the seat map's resume window).
configureStreamMaxLen(env.SEAT_STREAM_MAX_LEN);
const logger = createWorkerLogger({ level: env.LOG_LEVEL });

try {
  await assertPostgresReachable(env.DATABASE_URL);
  await assertRedisReachable(env.REDIS_URL);
} catch (error) {
  console.error(`Tessera worker cannot start: ${(error as Error).message}`);
  process.exit(1);
}

const prisma = createPrismaClient({ databaseUrl: env.DATABASE_URL, poolSize: 5 });

const connection = createRedisClient({ redisUrl: env.REDIS_URL, forBullmq: true });
const prefix = bullmqPrefix(env.REDIS_PREFIX);
const queue = createMaintenanceQueue({ connection, prefix });
// Seat-state keys and scripts use their own client; BullMQ's connection blocks and never times out.
const redis = createRedisClient({ redisUrl: env.REDIS_URL });
const seatPrefix = env.REDIS_PREFIX;
const tickQueue = createSeatSyncTickQueue({ connection, prefix });
const reconcileQueue = createReconcileQueue({ connection, prefix });
const waitingRoomQueue = createWaitingRoomQueue({ connection, prefix });
// Upserts: one schedule per tick however many workers start or how often this runs.
const scheduleTicks = async () => {
  await scheduleMaintenance(queue, env.MAINTENANCE_EVERY_MS);
  await scheduleSeatSync(tickQueue, {
    reconcileEveryMs: env.RECONCILE_EVERY_MS,
    sweepEveryMs: env.SWEEP_EVERY_MS,
  });
  await scheduleWaitingRoom(waitingRoomQueue, env.WAITING_ROOM_EVERY_MS);
};
await scheduleTicks();
// A Redis that restarted empty lost the schedules with everything else, and nothing would tick
// again (no reconciliation, sweeps or admissions): put them back whenever the connection returns.
connection.on('ready', () => {
  scheduleTicks().then(
    () => logger.info('tick schedules upserted after Redis reconnected'),
    (err: unknown) =>
      logger.error({ err }, 'tick schedules could not be upserted after reconnecting'),
  );
});
const workers = [
  createMaintenanceWorker({ prisma, connection, prefix, logger }),
  createSeatSyncTickWorker({ redis, seatPrefix, reconcileQueue, connection, prefix, logger }),
  createReconcileWorker({
    prisma,
    redis,
    seatPrefix,
    connection,
    prefix,
    logger,
    concurrency: env.RECONCILE_CONCURRENCY,
    lockDurationMs: env.RECONCILE_LOCK_MS,
    stalledIntervalMs: env.RECONCILE_STALLED_INTERVAL_MS,
  }),
  createWaitingRoomWorker({ prisma, redis, seatPrefix, connection, prefix, logger }),
];
for (const worker of workers)
  worker.on('failed', (job, err) =>
    logger.error({ job: job?.name, requestId: requestIdOf(job?.data), err }, 'job failed'),
  );
const metricsServer = await startMetricsServer({
  ...createWorkerMetrics({
    prisma,
    redis,
    seatPrefix,
    queues: [queue, tickQueue, reconcileQueue, waitingRoomQueue],
    logger,
  }),
  port: env.WORKER_METRICS_PORT,
  host: env.WORKER_METRICS_HOST,
  logger,
}).catch((error: unknown) => {
  console.error(`Tessera worker cannot start: ${(error as Error).message}`);
  process.exit(1);
});
logger.info(
  { queues: workers.map((w) => w.name), bullPrefix: prefix, metricsPort: metricsServer.port },
  'worker started',
);
// The sale dashboard shows the last invariant check of each event on sale.
const stopInvariantsTick = startInvariantsTick({ prisma, redis, seatPrefix, logger });
// Payments whose pay attempt died and that no retry came back for are finished or refunded.
const stopPaymentRecovery = startPaymentRecoveryTick({
  prisma,
  redis,
  seatPrefix,
  logger,
  leaseMs: env.PAYMENT_LEASE_SECONDS * 1000,
});

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker shutting down');
  await Promise.all([
    ...workers.map((w) => w.close()),
    stopInvariantsTick(),
    stopPaymentRecovery(),
    metricsServer.close(),
  ]);
  await Promise.all([
    queue.close(),
    tickQueue.close(),
    reconcileQueue.close(),
    waitingRoomQueue.close(),
  ]);
  connection.disconnect();
  redis.disconnect();
  await prisma.$disconnect();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
