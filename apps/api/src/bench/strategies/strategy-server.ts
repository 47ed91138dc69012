// Child process of the strategies benchmark: one plain Fastify POST route per strategy, all on
// the same Postgres pool size and Redis, so only the way seats are locked differs. Reports its port.
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { HoldRefusedError } from '@tessera/core/holds/hold-refusal';
import { pgStrategies, type HoldStrategy } from './pg-strategies.ts';
import { PG_EVENT_ID, REDIS_EVENT_ID } from './seat-state.ts';

const prefix = process.env.BENCH_REDIS_PREFIX!;
const pool = new pg.Pool({
  connectionString: process.env.BENCH_DATABASE_URL,
  max: Number(process.env.BENCH_POOL_SIZE),
});
const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });

const lua: HoldStrategy = async ({ seatIds, holder }) => {
  try {
    // A per-fan limit far above what random fans reach: only seat conflicts refuse.
    const options = { redis, prefix, eventId: REDIS_EVENT_ID, seatIds, ttlMs: 60_000 };
    await holdSeats({ ...options, userId: holder, holdId: randomUUID(), perUserSeatLimit: 1000 });
    return true;
  } catch (error) {
    if (error instanceof HoldRefusedError) return false;
    throw error;
  }
};
const strategies: Record<string, HoldStrategy> = {
  lua,
  ...pgStrategies({ pool, redis, prefix }),
};

// Requests still running when autocannon stops finish after it: the parent drains them before it
// resets the seats, and checks the store against every hold granted, answered in time or not.
let inFlight = 0;
let granted = 0;
let onIdle: Array<() => void> = [];
const settle = (held: boolean) => {
  inFlight--;
  if (held) granted++;
  if (inFlight > 0) return;
  for (const callback of onIdle) callback();
  onIdle = [];
};

const app = Fastify({ logger: false });
app.post<{ Params: { strategy: string }; Body: { userId: string; seatIds: number[] } }>(
  '/hold/:strategy',
  async (request, reply) => {
    const strategy = strategies[request.params.strategy];
    if (!strategy) return reply.code(404).send({ error: 'unknown strategy' });
    const { seatIds, userId } = request.body;
    inFlight++;
    let held = false;
    try {
      held = await strategy({ eventId: PG_EVENT_ID, seatIds, holder: userId });
    } finally {
      settle(held);
    }
    return held ? { seatIds } : reply.code(409).send({ conflict: true });
  },
);
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('message', (message) => {
  if (message !== 'drain') return;
  const report = () => {
    process.send?.({ granted });
    granted = 0;
  };
  if (inFlight === 0) report();
  else onIdle.push(report);
});
process.on('disconnect', () => {
  void app.close().finally(async () => {
    await Promise.all([pool.end(), redis.quit()]);
    process.exit(0);
  });
});
