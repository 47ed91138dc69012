// A real worker process's log lines for a job carry the requestId of the API request it came from,
// at the level LOG_LEVEL asks for (the fixture's worker runs at debug).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { withRequestId } from '@tessera/jobs/job-context';
import { createMaintenanceQueue } from '@tessera/jobs/maintenance-queue';
import { MaintenanceJob, QueueName } from '@tessera/jobs/queues';
import { driveSaleTraffic, startObservedStack, type ObservedStack } from './observed-sale.ts';

let stack: ObservedStack;

beforeAll(async () => {
  stack = await startObservedStack({ withWorker: true });
  // A hold for the worker to reconcile, so its reconcile jobs write their debug lines.
  await driveSaleTraffic(stack);
}, 90_000);

afterAll(async () => {
  await stack?.close();
}, 30_000);

describe('worker logs', () => {
  it('carry the requestId of the API request behind a job, at the level LOG_LEVEL sets', async () => {
    const { testApp, baseUrl } = stack;
    const worker = stack.worker!;
    const requestId = `obs-${randomUUID()}`;
    const response = await fetch(`${baseUrl}/trpc/auth.me`, {
      headers: { 'x-request-id': requestId },
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    // The API enqueues no job today, so the test enqueues one as a procedure would: with its id.
    const connection = createRedisClient({ redisUrl: testApp.config.redisUrl, forBullmq: true });
    const queue = createMaintenanceQueue({ connection, prefix: worker.bullPrefix });
    const job = await queue.add(
      MaintenanceJob.PURGE_EXPIRED_IDEMPOTENCY,
      withRequestId({ graceSeconds: 86_400, batchSize: 10 }, requestId),
    );
    const line = await worker.until((l) => l.requestId === requestId);
    expect(line).toMatchObject({
      msg: 'purged expired rows',
      queue: QueueName.MAINTENANCE,
      jobId: job.id,
      service: 'worker',
    });
    expect(worker.lines.filter((l) => l.requestId === requestId && l.jobId !== job.id)).toEqual([]);
    // LOG_LEVEL=debug: the reconcile jobs' debug lines (level 20) are written.
    expect(await worker.until((l) => l.level === 20 && l.queue === 'seat-reconcile')).toBeTruthy();
    await queue.close();
    connection.disconnect();
  });
});
