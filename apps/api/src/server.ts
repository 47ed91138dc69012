// Starts the API: validates env, checks Postgres and Redis (one clear sentence if not), listens,
// and shuts down gracefully on SIGINT/SIGTERM.
import { assertRedisReachable, createRedisClient } from '@tessera/core/infra/redis-client';
import { assertPostgresReachable } from '@tessera/db/check-connection';
import { createPrismaClient } from '@tessera/db/client';
import { buildApp } from './app.ts';
import { readApiConfig } from './env.ts';

const failStartup = (sentence: string): never => {
  console.error(sentence);
  process.exit(1);
};

const config = readApiConfig();

// Probe both before building anything, so a missing service gives one sentence, not a stack.
try {
  await assertPostgresReachable(config.databaseUrl);
  await assertRedisReachable(config.redisUrl);
} catch (error) {
  failStartup((error as Error).message);
}

const prisma = createPrismaClient({
  databaseUrl: config.databaseUrl,
  lockTimeoutMs: config.databaseTimeouts.lockMs,
  statementTimeoutMs: config.databaseTimeouts.statementMs,
});
const redis = createRedisClient({ redisUrl: config.redisUrl });
const app = await buildApp({ prisma, redis, config });
// ioredis reconnects by itself; without a listener each failed attempt goes raw to stderr. Log the
// loss once and the recovery once (calls meanwhile answer 503, see infrastructure-error.ts).
let redisLost = false;
redis.on('error', (error: Error) => {
  if (redisLost) return;
  redisLost = true;
  app.log.warn({ err: error }, 'Redis connection lost; reconnecting');
});
redis.on('ready', () => {
  if (!redisLost) return;
  redisLost = false;
  app.log.info('Redis connection back');
});

let shuttingDown = false;
const shutdown = async (signal: string) => {
  if (shuttingDown) return;
  shuttingDown = true;
  app.log.info({ signal }, 'shutting down');
  try {
    await app.close();
    await Promise.all([prisma.$disconnect(), redis.quit()]);
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  const code = (error as { code?: string }).code;
  failStartup(
    code === 'EADDRINUSE'
      ? `Port ${config.port} is already in use: stop the other process or set PORT to a free port.`
      : `The API could not listen on ${config.host}:${config.port}: ${(error as Error).message}`,
  );
}
