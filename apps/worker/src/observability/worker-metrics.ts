// The worker's Prometheus registry: Node process metrics, BullMQ queue depth per queue and state,
// job lag and outcomes, reconciliation lag per active event (Postgres behind Redis) and the last
// invariant check per event on sale. Redis and Postgres are read once per scrape (`refresh`, before
// the registry collects), never per job.
import { listEventsOnSale } from '@tessera/core/dashboard/check-on-sale-invariants';
import { readInvariantsSummary } from '@tessera/core/dashboard/invariants-summary.store';
import { readReconciliationLag } from '@tessera/core/dashboard/read-reconciliation-lag';
import type { InvariantsSummary, ReconciliationLag } from '@tessera/contracts/dashboard';
import { listActiveEvents } from '@tessera/core/reconciliation/active-events.store';
import type { PrismaClient } from '@tessera/db/client';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { jobLag, jobsProcessed, reconciliationCommitLag } from './job-metrics.ts';

export interface WorkerMetricsDeps {
  prisma: PrismaClient;
  redis: Redis;
  seatPrefix: string;
  queues: Array<Pick<Queue, 'name' | 'getJobCounts'>>;
  logger?: Logger;
}

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** Bounds the event_id label: at most this many events per scrape. */
const MAX_EVENTS = 200;

interface ScrapeReads {
  queues: Array<{ queue: string; counts: Record<string, number> }>;
  lags: Array<{ eventId: string; lag: ReconciliationLag }>;
  invariants: Array<{ eventId: string; summary: InvariantsSummary }>;
}

export interface WorkerMetrics {
  registry: Registry;
  /** Reads Redis and Postgres for this scrape; call before `registry.metrics()`. */
  refresh: () => Promise<void>;
}

export const createWorkerMetrics = ({
  prisma,
  redis,
  seatPrefix,
  queues,
  logger,
}: WorkerMetricsDeps): WorkerMetrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const metric of [jobLag, jobsProcessed, reconciliationCommitLag])
    registry.registerMetric(metric);

  // A Redis or Postgres outage empties the series read from them; the scrape itself still answers
  // (process metrics, job counters), so Prometheus tells "worker up, store down" from "worker down".
  const collectFailures = new Counter({
    name: 'tessera_metrics_collect_failures_total',
    help: 'Scrapes whose reads from Redis or Postgres failed, by collector',
    labelNames: ['collector'] as const,
    registers: [registry],
  });
  const guarded = async <T>(collector: string, read: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await read();
    } catch (err) {
      collectFailures.inc({ collector });
      logger?.warn({ err, collector }, 'metrics collector failed');
      return [];
    }
  };

  let reads: ScrapeReads = { queues: [], lags: [], invariants: [] };
  const refresh = async () => {
    const [queueCounts, lags, invariants] = await Promise.all([
      guarded('queues', () =>
        Promise.all(
          queues.map(async (q) => ({
            queue: q.name,
            counts: await q.getJobCounts(...QUEUE_STATES),
          })),
        ),
      ),
      guarded('reconciliation', async () => {
        const eventIds = (await listActiveEvents({ redis, prefix: seatPrefix })).slice(
          0,
          MAX_EVENTS,
        );
        return Promise.all(
          eventIds.map(async (eventId) => ({
            eventId,
            lag: await readReconciliationLag({ prisma, redis, prefix: seatPrefix, eventId }),
          })),
        );
      }),
      guarded('invariants', async () => {
        const eventIds = (await listEventsOnSale(prisma)).slice(0, MAX_EVENTS);
        const summaries = await Promise.all(
          eventIds.map(async (eventId) => ({
            eventId,
            summary: await readInvariantsSummary({ redis, prefix: seatPrefix, eventId }),
          })),
        );
        return summaries.flatMap(({ eventId, summary }) => (summary ? [{ eventId, summary }] : []));
      }),
    ]);
    reads = { queues: queueCounts, lags, invariants };
  };

  /** A gauge whose series are rebuilt from this scrape's reads. */
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    fill: (set: (labels: Record<string, string>, value: number) => void) => void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        fill((labels, value) => this.set(labels, value));
      },
    });

  gauge(
    'tessera_bullmq_queue_jobs',
    'BullMQ jobs per queue and state',
    ['queue', 'state'],
    (set) => {
      for (const { queue, counts } of reads.queues)
        for (const state of QUEUE_STATES) set({ queue, state }, counts[state] ?? 0);
    },
  );
  gauge(
    'tessera_reconciliation_lag_versions',
    'Seat-state versions in Redis not yet applied to Postgres, per active event',
    ['event_id'],
    (set) => {
      for (const { eventId, lag } of reads.lags)
        if (lag.versionsBehind !== null) set({ event_id: eventId }, lag.versionsBehind);
    },
  );
  gauge(
    'tessera_reconciliation_lag_seconds',
    'Age of the oldest Redis change not yet applied to Postgres (0 when caught up), per event',
    ['event_id'],
    (set) => {
      for (const { eventId, lag } of reads.lags)
        if (lag.versionsBehind !== null) set({ event_id: eventId }, lag.oldestPendingSeconds ?? 0);
    },
  );
  gauge(
    'tessera_invariants_ok',
    '1 when the last periodic invariant check of an event on sale passed, 0 when it failed',
    ['event_id'],
    (set) => {
      for (const { eventId, summary } of reads.invariants)
        set({ event_id: eventId }, summary.ok ? 1 : 0);
    },
  );
  gauge(
    'tessera_invariants_failed_checks',
    'Failed checks in the last periodic invariant check, per event on sale',
    ['event_id'],
    (set) => {
      for (const { eventId, summary } of reads.invariants)
        set({ event_id: eventId }, summary.failures.length);
    },
  );

  return { registry, refresh };
};
