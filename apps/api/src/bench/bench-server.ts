// Child process of the holds benchmark: the real API and, beside it, the ceiling: a plain Fastify
// POST route calling the same hold script with no tRPC, session or sale-info work. Reports ports.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { HoldRefusedError } from '@tessera/core/holds/hold-refusal';
import { createPrismaClient } from '@tessera/db/client';
import { buildApp } from '../app.ts';
import { readApiConfig } from '../env.ts';

const config = readApiConfig();
const prisma = createPrismaClient({ databaseUrl: config.databaseUrl });
const redis = createRedisClient({ redisUrl: config.redisUrl });
const api = await buildApp({ prisma, redis, config, logger: false });
await api.listen({ port: 0, host: '127.0.0.1' });

const perUserSeatLimit = Number(process.env.BENCH_PER_FAN_LIMIT ?? 6);
const ceiling = Fastify({ logger: false });
ceiling.post<{ Body: { eventId: string; userId: string; seatIds: number[] } }>(
  '/hold',
  async (request, reply) => {
    try {
      const hold = await holdSeats({
        redis,
        prefix: config.redisPrefix,
        ...request.body,
        ttlMs: config.checkout.holdTtlMs,
        perUserSeatLimit,
      });
      return { id: hold.holdId, seats: hold.seatIds.map((seatId) => ({ seatId })) };
    } catch (error) {
      if (!(error instanceof HoldRefusedError)) throw error;
      return reply.code(409).send({ refusal: error.refusal });
    }
  },
);
await ceiling.listen({ port: 0, host: '127.0.0.1' });

process.send?.({
  apiPort: (api.server.address() as AddressInfo).port,
  ceilingPort: (ceiling.server.address() as AddressInfo).port,
});
// The parent asks for this process's CPU time around each run: CPU per hold does not depend on
// what else the box is doing, unlike holds/s.
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpuMicros: process.cpuUsage() });
});
process.on('disconnect', () => {
  void Promise.all([api.close(), ceiling.close()]).finally(async () => {
    await Promise.all([prisma.$disconnect(), redis.quit()]);
    process.exit(0);
  });
});
