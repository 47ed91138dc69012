// Child process of the join benchmark: the real API and, beside it, the ceiling: a bare Fastify
// POST route doing one Redis INCR per request (no tRPC, session, rate limit or Lua). Reports ports.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { createPrismaClient } from '@tessera/db/client';
import { buildApp } from '../app.ts';
import { readApiConfig } from '../env.ts';

const config = readApiConfig();
const prisma = createPrismaClient({ databaseUrl: config.databaseUrl });
const redis = createRedisClient({ redisUrl: config.redisUrl });
const api = await buildApp({ prisma, redis, config, logger: false });
await api.listen({ port: 0, host: '127.0.0.1' });

const ceiling = Fastify({ logger: false });
const counterKey = `${config.redisPrefix}bench-ceiling`;
ceiling.post('/incr', async () => ({ n: await redis.incr(counterKey) }));
await ceiling.listen({ port: 0, host: '127.0.0.1' });

process.send?.({
  apiPort: (api.server.address() as AddressInfo).port,
  ceilingPort: (ceiling.server.address() as AddressInfo).port,
});
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpuMicros: process.cpuUsage() });
});
process.on('disconnect', () => {
  void Promise.all([api.close(), ceiling.close()]).finally(async () => {
    await Promise.all([prisma.$disconnect(), redis.quit()]);
    process.exit(0);
  });
});
