// The maintenance worker, on a real queue, deletes expired sessions and keeps live ones.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { createPrismaClient } from '@tessera/db/client';
import { createMaintenanceQueue } from '@tessera/jobs/maintenance-queue';
import { MaintenanceJob, QueueName } from '@tessera/jobs/queues';
import { QueueEvents } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaintenanceWorker } from './maintenance.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const connection = createRedisClient({ redisUrl: process.env.REDIS_URL!, forBullmq: true });
const prefix = `test:${randomUUID()}:bull`;
const queue = createMaintenanceQueue({ connection, prefix });
const events = new QueueEvents(QueueName.MAINTENANCE, {
  connection: connection.duplicate(),
  prefix,
});
const worker = createMaintenanceWorker({
  prisma,
  connection,
  prefix,
  logger: pino({ level: 'silent' }),
});
let userId: string;

beforeAll(async () => {
  const user = await prisma.user.create({
    data: { email: `purge-${randomUUID()}@example.test`, name: 'Purge Test', passwordHash: 'x' },
  });
  userId = user.id;
  await events.waitUntilReady();
});

afterAll(async () => {
  await worker.close();
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await prisma.user.delete({ where: { id: userId } });
  connection.disconnect();
  await prisma.$disconnect();
});

const sessionExpiringAt = (expiresAt: Date) =>
  prisma.session.create({ data: { id: randomBytes(32).toString('hex'), userId, expiresAt } });

describe('maintenance worker', () => {
  it('deletes expired sessions and keeps live ones', async () => {
    const expired = await sessionExpiringAt(new Date(Date.now() - 60_000));
    const live = await sessionExpiringAt(new Date(Date.now() + 3_600_000));

    const job = await queue.add(MaintenanceJob.PURGE_EXPIRED_SESSIONS, {
      graceSeconds: 0,
      batchSize: 1,
    });
    const result = (await job.waitUntilFinished(events)) as { deleted: number };

    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: live.id } })).not.toBeNull();
  });

  it('fails a job whose payload is invalid instead of purging with a guess', async () => {
    const live = await sessionExpiringAt(new Date(Date.now() + 3_600_000));
    const job = await queue.add(MaintenanceJob.PURGE_EXPIRED_SESSIONS, {
      graceSeconds: -5,
      batchSize: 0,
    });

    await expect(job.waitUntilFinished(events)).rejects.toThrow();
    expect(await prisma.session.findUnique({ where: { id: live.id } })).not.toBeNull();
  });
});
