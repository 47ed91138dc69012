// Issue #7's worker metrics, scraped from a real worker process (spawned from apps/worker) beside a
// real API after a small sale's traffic: every named series is exposed, queues and job lag are
// reported, and reconciliation and the invariant check have caught up with the sale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveSaleTraffic, startObservedStack, type ObservedStack } from './observed-sale.ts';
import { scrapeUntil } from './scrape-metrics.ts';
import { sampleNames, valueOf, type Sample } from './scrape-parser.ts';

/** Every series issue #7 names on the worker. */
const WORKER_SERIES = [
  'tessera_bullmq_queue_jobs',
  'tessera_bullmq_job_lag_seconds_bucket',
  'tessera_bullmq_jobs_processed_total',
  'tessera_reconciliation_lag_seconds',
  'tessera_reconciliation_lag_versions',
  'tessera_reconciliation_commit_lag_seconds_bucket',
  'tessera_invariants_ok',
  'tessera_invariants_failed_checks',
  'process_cpu_user_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_p99_seconds',
];

let stack: ObservedStack;
let eventId = '';
let workerSamples: Sample[] = [];

beforeAll(async () => {
  stack = await startObservedStack({ withWorker: true });
  ({ eventId } = await driveSaleTraffic(stack));
  // The worker reconciles the hold on its own ticks; wait until Postgres has caught up.
  workerSamples = await scrapeUntil(
    stack.worker!.metricsUrl,
    (s) =>
      valueOf(s, 'tessera_reconciliation_lag_versions', { event_id: eventId }) === 0 &&
      (valueOf(s, 'tessera_reconciliation_commit_lag_seconds_count') ?? 0) > 0 &&
      valueOf(s, 'tessera_invariants_ok', { event_id: eventId }) !== null,
  );
}, 90_000);

afterAll(async () => {
  await stack?.close();
}, 30_000);

describe('worker /metrics after real traffic', () => {
  it('exposes every named series', () => {
    const names = sampleNames(workerSamples);
    expect(WORKER_SERIES.filter((name) => !names.has(name))).toEqual([]);
  });

  it('reports queue depth per queue and state, job lag per queue, and reconciliation caught up', () => {
    for (const queue of ['maintenance', 'seat-sync', 'seat-reconcile', 'waiting-room'])
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(
          valueOf(workerSamples, 'tessera_bullmq_queue_jobs', { queue, state }),
        ).not.toBeNull();
    for (const queue of ['seat-sync', 'seat-reconcile'])
      expect(
        valueOf(workerSamples, 'tessera_bullmq_job_lag_seconds_count', { queue }),
      ).toBeGreaterThan(0);
    expect(
      valueOf(workerSamples, 'tessera_reconciliation_lag_seconds', { event_id: eventId }),
    ).toBe(0);
    expect(valueOf(workerSamples, 'tessera_invariants_ok', { event_id: eventId })).toBe(1);
    expect(valueOf(workerSamples, 'tessera_invariants_failed_checks', { event_id: eventId })).toBe(
      0,
    );
  });
});
