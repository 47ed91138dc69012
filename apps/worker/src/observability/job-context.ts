// Runs each job inside an async context that the worker's logger reads (pino `mixin`), so every
// log line written while a job runs carries its queue, job id and the requestId of the API request
// that enqueued it, without threading a child logger through every processor. Also observes the
// job's lag and outcome.
import { AsyncLocalStorage } from 'node:async_hooks';
import { requestIdOf } from '@tessera/jobs/job-context';
import type { Job } from 'bullmq';
import { jobLag, jobsProcessed } from './job-metrics.ts';

export interface JobLogFields {
  queue: string;
  jobId?: string;
  job: string;
  requestId?: string;
}

const current = new AsyncLocalStorage<JobLogFields>();

/** Fields of the job running in this async context ({} outside a job); pino's `mixin`. */
export const jobLogFields = (): Partial<JobLogFields> => current.getStore() ?? {};

/** Wraps a BullMQ processor: context for its logs, lag at start, outcome at the end. */
export const instrumentJob =
  <J extends Job, R>(queue: string, processor: (job: J) => Promise<R>) =>
  async (job: J): Promise<R> => {
    const startedAt = job.processedOn ?? Date.now();
    const dueAt = job.timestamp + (job.delay ?? 0);
    jobLag.observe({ queue }, Math.max(0, startedAt - dueAt) / 1000);
    const requestId = requestIdOf(job.data);
    const fields: JobLogFields = {
      queue,
      job: job.name,
      ...(job.id !== undefined && { jobId: job.id }),
      ...(requestId !== undefined && { requestId }),
    };
    try {
      const result = await current.run(fields, () => processor(job));
      jobsProcessed.inc({ queue, outcome: 'completed' });
      return result;
    } catch (error) {
      jobsProcessed.inc({ queue, outcome: 'failed' });
      throw error;
    }
  };
