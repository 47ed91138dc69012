// The stack the HTTP fault tests break: two API replicas behind Debian's nginx (scripts/scale.mjs)
// and the real worker in its own process (processes.ts: its metrics port stays in the test's own
// port range), against the given Postgres and Redis; plus the test's own clients and sale
// fixtures (an event with an open waiting room and fans with sessions).
import { randomUUID } from 'node:crypto';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { createPrismaClient } from '@tessera/db/client';
import { demoEnv } from '../../../../scripts/demo-env.mjs';
import { startScale, type ScaleStack } from '../../../../scripts/scale.mjs';
import { createJoinFixture, type JoinFixture } from '../bench/join-fixture.ts';
import { startWorker, stopWorker, type WorkerProcess } from './processes.ts';

export const SESSION_COOKIE = 'tessera_session';

export interface FaultStackOptions {
  /** nginx's port; the replicas listen on port+1 and port+2. */
  port: number;
  workerMetricsPort: number;
  databaseUrl: string;
  redisUrl: string;
  /** Fans per sale fixture (each fixture gets one more: a probe fan). */
  fans: number;
  /** Names the Redis prefix, e.g. `faults-api`. */
  label: string;
  /** Extra environment for the replicas and the worker (wins over the defaults below). */
  env?: Record<string, string>;
}

export const startFaultStack = async ({
  port,
  workerMetricsPort,
  databaseUrl,
  redisUrl,
  fans,
  label,
  env = {},
}: FaultStackOptions) => {
  const logs = process.env.FAULT_LOGS === '1';
  const prisma = createPrismaClient({ databaseUrl, poolSize: 4 });
  const redis = createRedisClient({ redisUrl });
  // A store fault may restart this Redis: the client reconnects by itself; no unhandled errors.
  redis.on('error', () => undefined);
  const redisPrefix = `${label}:${randomUUID().slice(0, 8)}:`;
  const shared = {
    // Every fan reaches the API from nginx on 127.0.0.1: lift the per-IP budgets.
    WAITING_ROOM_JOIN_LIMIT_PER_IP: String(fans * 10),
    WAITING_ROOM_STATUS_LIMIT_PER_IP: String(fans * 100),
    PAYMENT_SIMULATED_LATENCY_MS: '20',
    WAITING_ROOM_EVERY_MS: '250',
    ...env,
  };
  const newSale = (): Promise<JoinFixture> =>
    createJoinFixture({ prisma, redis, redisPrefix, fans: fans + 1, admitPerMinute: 60_000 });
  const workerEnv = {
    ...demoEnv(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    WORKER_METRICS_PORT: String(workerMetricsPort),
    WORKER_METRICS_HOST: '127.0.0.1',
    ...shared,
  };

  let stack: ScaleStack | undefined;
  let worker: WorkerProcess | undefined;
  const close = async () => {
    await Promise.all([stack?.stop(), stopWorker(worker)]);
    const keys = await redis.keys(`${redisPrefix}*`).catch(() => []);
    if (keys.length > 0) await redis.del(...keys);
    await Promise.all([prisma.$disconnect(), redis.quit()]);
  };
  // The stack starts while the first sale's fans are created.
  const [fixture, started] = await Promise.allSettled([
    newSale(),
    startScale({
      replicas: 2,
      port,
      databaseUrl,
      redisUrl,
      redisPrefix,
      worker: false,
      output: logs ? 'inherit' : 'quiet',
      env: { LOG_LEVEL: logs ? 'warn' : 'error', ...shared },
    }),
  ]);
  try {
    if (started.status === 'rejected') throw started.reason;
    stack = started.value;
    if (fixture.status === 'rejected') throw fixture.reason;
    worker = await startWorker(workerEnv);
  } catch (error) {
    await close();
    throw error;
  }
  let spare: JoinFixture | undefined = fixture.value;
  return {
    stack,
    prisma,
    redis,
    redisPrefix,
    /** The first sale's fixture, made while the stack started. */
    fixture: fixture.value,
    /** A sale fixture: the first one made at start-up, then a new one per call. */
    nextSale: async () => {
      const next = spare ?? (await newSale());
      spare = undefined;
      return next;
    },
    close,
  };
};

export type FaultStack = Awaited<ReturnType<typeof startFaultStack>>;
