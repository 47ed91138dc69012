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
      await app.close();
      await deleteKeysByPrefix(redis, config.redisPrefix);
      await Promise.all([prisma.$disconnect(), redis.quit()]);
    },
  };
};

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export const uniqueEmail = (label = 'fan') => `${label}-${randomUUID()}@example.com`;
export const STRONG_PASSWORD = 'correct-horse-42';
