// The worker's log lines: level from LOG_LEVEL, secrets redacted, and every line a job writes
// carries the job's queue, id and the requestId its data brought from the API.
import { Writable } from 'node:stream';
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { loadWorkerEnv } from '../env.ts';
import { instrumentJob } from './job-context.ts';
import { jobLag } from './job-metrics.ts';
import { createWorkerLogger } from './worker-logger.ts';

const capture = (level: string) => {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createWorkerLogger({ level }, sink), lines };
};

/** The fields of a BullMQ job the wrapper reads (the real queue is exercised end to end in api). */
const jobOf = (data: unknown, id = 'job-1') =>
  ({ id, name: 'purge-expired-sessions', data, timestamp: Date.now() - 250, delay: 0 }) as Job;

describe('worker logger', () => {
  it('takes its level from LOG_LEVEL', () => {
    const quiet = capture(loadWorkerEnv({ LOG_LEVEL: 'warn' }).LOG_LEVEL);
    quiet.logger.info('not written');
    quiet.logger.error('written');
    expect(quiet.lines.map((l) => l.msg)).toEqual(['written']);
    const chatty = capture(loadWorkerEnv({ LOG_LEVEL: 'debug' }).LOG_LEVEL);
    chatty.logger.debug('written');
    expect(chatty.lines).toHaveLength(1);
    expect(loadWorkerEnv({}).LOG_LEVEL).toBe('info');
  });

  it('redacts tokens, passwords and card data in logged job data', () => {
    const { logger, lines } = capture('info');
    logger.info({
      data: { admissionToken: 'adm-secret', nested: { password: 'pw-secret' } },
      payment: { paymentMethod: { cardNumber: '4242424242424242', cvc: '123' } },
      eventId: 'visible-event',
    });
    const line = JSON.stringify(lines[0]);
    for (const secret of ['adm-secret', 'pw-secret', '4242424242424242'])
      expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      data: { admissionToken: '[redacted]', nested: { password: '[redacted]' } },
      payment: { paymentMethod: { cvc: '[redacted]' } },
      eventId: 'visible-event',
    });
  });

  it('tags every line a job writes with its queue, job id and requestId, and only those', async () => {
    const { logger, lines } = capture('info');
    const processor = instrumentJob('maintenance', async (job: Job) => {
      logger.info({ step: 1 }, 'first');
      await new Promise((resolve) => setImmediate(resolve));
      logger.info({ step: 2 }, 'after an await');
      return job.id;
    });
    const lagBefore = (await jobLag.get()).values.find(
      (v) => v.metricName === 'tessera_bullmq_job_lag_seconds_count',
    )?.value;
    await processor(jobOf({ graceSeconds: 0, requestId: 'req-abc-123' }));
    await processor(jobOf({ graceSeconds: 0, requestId: 'not a valid id!' }, 'job-2'));
    logger.info('outside any job');

    expect(lines.slice(0, 2)).toEqual([
      expect.objectContaining({
        msg: 'first',
        queue: 'maintenance',
        jobId: 'job-1',
        requestId: 'req-abc-123',
      }),
      expect.objectContaining({ msg: 'after an await', requestId: 'req-abc-123' }),
    ]);
    expect(lines[2]).toMatchObject({ jobId: 'job-2', queue: 'maintenance' });
    expect(lines[2]).not.toHaveProperty('requestId');
    expect(lines.at(-1)).not.toHaveProperty('queue');
    const lagAfter = (await jobLag.get()).values.find(
      (v) => v.metricName === 'tessera_bullmq_job_lag_seconds_count',
    )?.value;
    expect(lagAfter).toBe((lagBefore ?? 0) + 2);
  });
});
