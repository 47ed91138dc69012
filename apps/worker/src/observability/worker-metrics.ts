// The worker's Prometheus registry: Node process metrics, BullMQ queue depth per queue and state,
// job lag and outcomes, reconciliation lag per active event (Postgres behind Redis) and the last
// invariant check per event on sale. Redis and Postgres are read once per scrape, never per job.
import { listEventsOnSale } from '@tessera/core/dashboard/check-on-sale-invariants';
import { readInvariantsSummary } from '@tessera/core/dashboard/invariants-summary.store';
import { readReconciliationLag } from '@tessera/core/dashboard/read-reconciliation-lag';
import { listActiveEvents } from '@tessera/core/reconciliation/active-events.store';
import type { PrismaClient } from '@tessera/db/client';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { jobLag, jobsProcessed, reconciliationCommitLag } from './job-metrics.ts';

export interface WorkerMetricsDeps {
  prisma: PrismaClient;
  redis: Redis;
  seatPrefix: string;
  queues: Array<Pick<Queue, 'name' | 'getJobCounts'>>;
}

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** Bounds the event_id label: at most this many events per scrape. */
const MAX_EVENTS = 200;

export const createWorkerMetrics = ({ prisma, redis, seatPrefix, queues }: WorkerMetricsDeps) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const metric of [jobLag, jobsProcessed, reconciliationCommitLag])
    registry.registerMetric(metric);

  new Gauge({
    name: 'tessera_bullmq_queue_jobs',
    help: 'BullMQ jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts(...QUEUE_STATES)));
      queues.forEach((q, i) => {
        for (const state of QUEUE_STATES)
          this.set({ queue: q.name, state }, counts[i]?.[state] ?? 0);
      });
    },
  });

  const lagVersions = new Gauge({
    name: 'tessera_reconciliation_lag_versions',
    help: 'Seat-state versions in Redis not yet applied to Postgres, per active event',
    labelNames: ['event_id'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'tessera_reconciliation_lag_seconds',
    help: 'Age of the oldest Redis change not yet applied to Postgres (0 when caught up), per event',
    labelNames: ['event_id'] as const,
    registers: [registry],
    async collect() {
      lagVersions.reset();
      this.reset();
      const eventIds = (await listActiveEvents({ redis, prefix: seatPrefix })).slice(0, MAX_EVENTS);
      const lags = await Promise.all(
        eventIds.map((eventId) =>
          readReconciliationLag({ prisma, redis, prefix: seatPrefix, eventId }),
        ),
      );
      eventIds.forEach((event_id, i) => {
        const lag = lags[i];
        if (!lag || lag.versionsBehind === null) return;
        lagVersions.set({ event_id }, lag.versionsBehind);
        this.set({ event_id }, lag.oldestPendingSeconds ?? 0);
      });
    },
  });

  const invariantFailures = new Gauge({
    name: 'tessera_invariants_failed_checks',
    help: 'Failed checks in the last periodic invariant check, per event on sale',
    labelNames: ['event_id'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'tessera_invariants_ok',
    help: '1 when the last periodic invariant check of an event on sale passed, 0 when it failed',
    labelNames: ['event_id'] as const,
    registers: [registry],
    async collect() {
      invariantFailures.reset();
      this.reset();
      const eventIds = (await listEventsOnSale(prisma)).slice(0, MAX_EVENTS);
      const summaries = await Promise.all(
        eventIds.map((eventId) => readInvariantsSummary({ redis, prefix: seatPrefix, eventId })),
      );
      eventIds.forEach((event_id, i) => {
        const summary = summaries[i];
        if (!summary) return;
        this.set({ event_id }, summary.ok ? 1 : 0);
        invariantFailures.set({ event_id }, summary.failures.length);
      });
    },
  });

  return registry;
};
