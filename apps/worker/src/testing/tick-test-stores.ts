// The setup the worker's tick tests share: a Postgres pool and a Redis client on the test stores, a
// key prefix unique to the run, a silent logger, a BullMQ connection and queue prefix made on first
// use, and the reconciliation fixture (a venue, an event loaded into Redis, two fans). One close()
// deletes the fixtures and the run's seat keys and disconnects.
import { randomUUID } from 'node:crypto';
import { deleteKeysByPrefix } from '@tessera/core/infra/delete-keys';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import {
  createReconciliationFixture,
  deleteReconciliationFixture,
  type ReconciliationFixture,
} from '@tessera/core/reconciliation/reconciliation-fixture';
import { createPrismaClient } from '@tessera/db/client';
import { bullmqPrefix } from '@tessera/jobs/queues';
import { pino } from 'pino';

/** `name` labels the run's keys (`test:<name>:<run>:`), so a leftover names the test that left it. */
export const openTickTestStores = (name: string, { poolSize = 2 }: { poolSize?: number } = {}) => {
  const run = randomUUID().slice(0, 8);
  const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize });
  const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
  const seatPrefix = `test:${name}:${run}:`;
  const fixtures: ReconciliationFixture[] = [];
  let connection: ReturnType<typeof createRedisClient> | undefined;
  return {
    prisma,
    redis,
    run,
    seatPrefix,
    logger: pino({ level: 'silent' }),
    /** BullMQ's prefix for this run's queues; their keys are removed with the queues themselves. */
    queuePrefix: bullmqPrefix(`test:${run}:`),
    /** The connection BullMQ queues and workers share (its blocking reads need their own). */
    queueConnection: () =>
      (connection ??= createRedisClient({ redisUrl: process.env.REDIS_URL!, forBullmq: true })),
    reconciliationFixture: async ({ seatsPerRow }: { seatsPerRow?: number } = {}) => {
      const fx = await createReconciliationFixture({
        prisma,
        redis,
        prefix: seatPrefix,
        seatsPerRow,
      });
      fixtures.push(fx);
      return fx;
    },
    async close() {
      for (const fx of fixtures) await deleteReconciliationFixture(prisma, fx);
      await deleteKeysByPrefix(redis, seatPrefix);
      connection?.disconnect();
      redis.disconnect();
      await prisma.$disconnect();
    },
  };
};
