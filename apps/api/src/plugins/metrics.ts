// GET /metrics (Prometheus text): Node process metrics, tRPC latency per procedure, HTTP requests
// by status, open SSE streams, waiting-room gauges per running window, hold counters and dashboard
// subscribers. Window figures are read from Redis on each scrape, once for all gauges.
import fp from 'fastify-plugin';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { processHoldTotals } from '@tessera/core/metrics/hold-counters.store';
import {
  readRunningWindowStats,
  type RunningWindowStats,
} from '@tessera/core/metrics/read-running-window-stats';
import { registerHttpMetrics } from '../metrics/http-metrics.ts';
import { procedureDuration } from '../metrics/procedure-metrics.ts';
import { appRouter } from '../trpc/router.ts';
import { registerCatalogCacheMetrics } from './catalog-cache-metrics.ts';
import { dashboardSubscriberCount } from '../trpc/routers/admin/dashboard/dashboard-hub.ts';

export interface MetricsPluginOptions {
  prefix: string;
}

type WindowFigure = (stats: RunningWindowStats) => number | null;

const WINDOW_GAUGES: Array<[name: string, help: string, figure: WindowFigure]> = [
  ['tessera_waiting_room_queue_length', 'Fans waiting in the queue', (s) => s.queueLength],
  ['tessera_waiting_room_prequeue_size', 'Fans in the pre-queue', (s) => s.preQueueSize],
  [
    'tessera_waiting_room_admitted_per_minute',
    'Fans admitted per minute (last full minute and the current one)',
    (s) => s.admittedPerMinute,
  ],
  ['tessera_waiting_room_active_shoppers', 'Admitted fans shopping now', (s) => s.activeShoppers],
  [
    'tessera_waiting_room_abandonment_ratio',
    'Admitted fans whose session ended without an order, over admitted',
    (s) => s.abandonmentRatio,
  ],
  ['tessera_waiting_room_wait_p50_seconds', 'Wait until admission, p50', (s) => s.waitP50Seconds],
  ['tessera_waiting_room_wait_p95_seconds', 'Wait until admission, p95', (s) => s.waitP95Seconds],
  [
    'tessera_waiting_room_eta_error_p50_seconds',
    '|predicted - actual| wait at admission, p50',
    (s) => s.etaErrorP50Seconds,
  ],
  [
    'tessera_waiting_room_eta_error_p95_seconds',
    '|predicted - actual| wait at admission, p95',
    (s) => s.etaErrorP95Seconds,
  ],
];

export const metricsPlugin = fp<MetricsPluginOptions>(
  async (app, { prefix }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    registerCatalogCacheMetrics(registry);
    procedureDuration.register(registry);
    // Flat at runtime ("seats.onChange"), though typed as the nested router record.
    const procedures = Object.entries(appRouter._def.procedures as unknown as object) as Array<
      [string, { _def: { type: string } }]
    >;
    registerHttpMetrics(app, {
      registry,
      subscriptionPaths: new Set(
        procedures.filter(([, p]) => p._def.type === 'subscription').map(([path]) => path),
      ),
    });

    // Read once per scrape, before the registry collects: every window gauge uses the same read.
    let running: RunningWindowStats[] = [];

    for (const [name, help, figure] of WINDOW_GAUGES) {
      new Gauge({
        name,
        help,
        labelNames: ['event_id', 'window_id'],
        registers: [registry],
        collect() {
          this.reset();
          for (const stats of running) {
            const value = figure(stats);
            if (value !== null) {
              this.set({ event_id: stats.eventId, window_id: stats.windowId }, value);
            }
          }
        },
      });
    }
    new Counter({
      name: 'tessera_holds_created_total',
      help: 'Holds created by this process',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(processHoldTotals.created);
      },
    });
    new Counter({
      name: 'tessera_hold_conflicts_total',
      help: 'Holds refused by this process because a seat was taken',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(processHoldTotals.conflict);
      },
    });
    new Gauge({
      name: 'tessera_dashboard_subscribers',
      help: 'Open admin.dashboard.onStats subscriptions in this process',
      registers: [registry],
      collect() {
        this.set(dashboardSubscriberCount(app.redis));
      },
    });

    // A Redis or Postgres outage empties the window gauges; the scrape still answers.
    const collectFailures = new Counter({
      name: 'tessera_metrics_collect_failures_total',
      help: 'Scrapes whose reads from Redis or Postgres failed, by collector',
      labelNames: ['collector'] as const,
      registers: [registry],
    });

    app.get('/metrics', async (request, reply) => {
      try {
        running = await readRunningWindowStats({ prisma: app.prisma, redis: app.redis, prefix });
      } catch (err) {
        running = [];
        collectFailures.inc({ collector: 'waiting_room' });
        request.log.warn({ err }, 'metrics collector failed');
      }
      const body = await registry.metrics();
      return reply.header('content-type', registry.contentType).send(body);
    });
  },
  { name: 'metrics', dependencies: ['prisma', 'redis'] },
);
