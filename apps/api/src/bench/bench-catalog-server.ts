// Child process of `pnpm bench:catalog`: the real API with its catalog cache, either warm (normal)
// or cold (BENCH_CATALOG_MODE=cold: nothing is kept, in Redis or in-process, so every read misses
// and goes to Postgres), and beside it the ceiling: a bare Fastify route returning a precomputed
// body. Reports its ports; answers 'stats' with the cache totals and its CPU time.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { catalogCacheTotals } from '@tessera/core/cache/cache-counters';
import { configureLocalLayoutCache } from '@tessera/core/catalog/venue-layout-cache';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { createPrismaClient } from '@tessera/db/client';
import { buildApp } from '../app.ts';
import { readApiConfig } from '../env.ts';

const cold = process.env.BENCH_CATALOG_MODE === 'cold';
const base = readApiConfig();
const config = cold ? { ...base, catalogCache: { ...base.catalogCache, ttlMs: 0 } } : base;
if (cold) configureLocalLayoutCache({ maxEntries: 0 });
const prisma = createPrismaClient({ databaseUrl: config.databaseUrl });
const redis = createRedisClient({ redisUrl: config.redisUrl });
const api = await buildApp({ prisma, redis, config, logger: false });
await api.listen({ port: 0, host: '127.0.0.1' });

let ceilingBody = '{}';
const ceiling = Fastify({ logger: false });
ceiling.get('/ceiling', async (_request, reply) =>
  reply.type('application/json').send(ceilingBody),
);
await ceiling.listen({ port: 0, host: '127.0.0.1' });

process.send?.({
  apiPort: (api.server.address() as AddressInfo).port,
  ceilingPort: (ceiling.server.address() as AddressInfo).port,
});
process.on('message', (message: unknown) => {
  if (message === 'stats') {
    process.send?.({ stats: { ...catalogCacheTotals }, cpu: process.cpuUsage() });
  } else if (typeof message === 'object' && message && 'ceilingBody' in message) {
    ceilingBody = String((message as { ceilingBody: string }).ceilingBody);
    process.send?.({ ceilingReady: true });
  }
});
process.on('disconnect', () => {
  void Promise.all([api.close(), ceiling.close()]).finally(async () => {
    await Promise.all([prisma.$disconnect(), redis.quit()]);
    process.exit(0);
  });
});
