// Per-job series shared by every processor in this process: how long a job waited past its due
// time before a worker picked it up (job lag), how jobs ended, and reconciliation's commit lag.
import { Counter, Histogram } from 'prom-client';

const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Registered by createWorkerMetrics; module-level so processors need no extra dependency. */
export const jobLag = new Histogram({
  name: 'tessera_bullmq_job_lag_seconds',
  help: 'Time from when a job was due (enqueued, or its delay ended) to processing start',
  labelNames: ['queue'] as const,
  buckets: LAG_BUCKETS,
  registers: [],
});

export const jobsProcessed = new Counter({
  name: 'tessera_bullmq_jobs_processed_total',
  help: 'Jobs this worker finished, by queue and outcome (completed or failed)',
  labelNames: ['queue', 'outcome'] as const,
  registers: [],
});

export const reconciliationCommitLag = new Histogram({
  name: 'tessera_reconciliation_commit_lag_seconds',
  help: 'Age of the newest change a reconcile job applied, at its Postgres commit (Redis -> Postgres)',
  buckets: LAG_BUCKETS,
  registers: [],
});

/** Seconds since a Redis stream entry id (`<ms>-<seq>`) was appended. */
export const streamEntryAgeSeconds = (streamId: string, nowMs = Date.now()): number =>
  Math.max(0, nowMs - Number(streamId.split('-')[0])) / 1000;
