// Builds the real app against the test Postgres and Redis with a random Redis prefix per app.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { deleteKeysByPrefix } from '@tessera/core/infra/delete-keys';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { createPrismaClient } from '@tessera/db/client';
import { buildApp, type BuildAppOptions } from '../app.ts';
import { toApiConfig, ZApiEnv, type ApiConfig } from '../env.ts';

export const testConfig = (overrides: Partial<ApiConfig> = {}): ApiConfig => ({
  ...toApiConfig(
    ZApiEnv.parse({
      DATABASE_URL: process.env.DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_PREFIX: `test:${randomUUID()}:`,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: '/nonexistent-web-dist',
    }),
  ),
  ...overrides,
});

/**
 * Waits for one step of closing a test app, at most 10 s: a step that hangs (CI once saw a close
 * outlast the 60 s hook timeout, and failed a file whose tests had all passed) is named on stderr
 * and left behind, so the file ends and the run goes on.
 */
const boundedStep = async (name: string, step: Promise<unknown>) => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>(
    (resolve) => (timer = setTimeout(() => resolve('late'), 10_000)),
  );
  const outcome = await Promise.race([step.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late')
    process.stderr.write(`test app close: ${name} did not finish within 10 s; left running\n`);
};

export const startTestApp = async (
  overrides: Partial<ApiConfig> = {},
  options: Pick<BuildAppOptions, 'trpcFastPath' | 'paymentProvider'> = {},
) => {
  const config = testConfig(overrides);
  const prisma = createPrismaClient({
    databaseUrl: config.databaseUrl,
    poolSize: 4,
    lockTimeoutMs: config.databaseTimeouts.lockMs,
    statementTimeoutMs: config.databaseTimeouts.statementMs,
  });
  const redis = createRedisClient({ redisUrl: config.redisUrl });
  const app = await buildApp({ prisma, redis, config, logger: false, ...options });
  return {
    app,
    prisma,
    redis,
    config,
    /** Listens on a random loopback port and returns its base URL. */
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    },
    async close() {
      const closing = app.close();
      // Nothing of a finished test is still talking to it: end kept-alive client sockets at once
      // rather than wait for them (a loaded CI box saw app.close outlast the hook timeout).
      app.server.closeAllConnections();
      await boundedStep('app.close', closing);
      await boundedStep('deleting its Redis keys', deleteKeysByPrefix(redis, config.redisPrefix));
      await boundedStep('prisma.$disconnect', prisma.$disconnect());
      await boundedStep('redis.quit', redis.quit());
    },
  };
};

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export const uniqueEmail = (label = 'fan') => `${label}-${randomUUID()}@example.com`;
export const STRONG_PASSWORD = 'correct-horse-42';
