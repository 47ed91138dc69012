// The Grafana dashboard reads only series that a real API and a real worker process declare on
// their /metrics, and the panels an operator watches during an on-sale each read theirs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startObservedStack, type ObservedStack } from './observed-sale.ts';
import { metricNamesOf } from './promql-metric-names.ts';
import { scrapeMetrics } from './scrape-metrics.ts';
import { repoRoot } from './test-worker-process.ts';

let stack: ObservedStack;
const declared = new Set<string>();

// Declared, not sampled: a series the processes register at start must exist before any traffic,
// so a panel never depends on a sale having happened since the last restart.
beforeAll(async () => {
  stack = await startObservedStack({ withWorker: true });
  for (const url of [`${stack.baseUrl}/metrics`, stack.worker!.metricsUrl])
    for (const name of (await scrapeMetrics(url)).declared) declared.add(name);
}, 90_000);

afterAll(async () => {
  await stack?.close();
}, 30_000);

describe('Grafana dashboard', () => {
  it('reads only series the API or the worker declare', () => {
    const dashboard = JSON.parse(
      readFileSync(path.join(repoRoot, 'infra/grafana/dashboards/tessera.json'), 'utf8'),
    ) as {
      panels: Array<{ title: string; type: string; targets?: Array<{ expr: string }> }>;
      templating: { list: Array<{ definition?: string }> };
    };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    expect(exprs.length).toBeGreaterThanOrEqual(20);
    const used = new Set(exprs.flatMap(metricNamesOf));
    for (const variable of dashboard.templating.list)
      for (const [, metric] of (variable.definition ?? '').matchAll(/label_values\((\w+)/g))
        used.add(metric!);
    // Every expression reads at least one series, and every series it reads exists.
    expect(exprs.filter((expr) => metricNamesOf(expr).length === 0)).toEqual([]);
    // `up` is the one series Prometheus makes itself, for every target it scrapes.
    expect([...used].filter((name) => !declared.has(name) && name !== 'up')).toEqual([]);
    // The check has teeth: a histogram read without its suffix would not count as existing.
    expect(declared.has('tessera_bullmq_job_lag_seconds')).toBe(false);
    expect(dashboard.panels.filter((p) => p.type !== 'row' && !p.targets?.length)).toEqual([]);
    // The panels an operator watches during an on-sale each read their series.
    const watched = [
      'tessera_waiting_room_queue_length',
      'tessera_waiting_room_admitted_per_minute',
      'tessera_waiting_room_active_shoppers',
      'tessera_holds_created_total',
      'tessera_hold_conflicts_total',
      'tessera_trpc_procedure_duration_seconds_bucket',
      'tessera_sse_connections',
      'tessera_bullmq_queue_jobs',
      'tessera_bullmq_job_lag_seconds_bucket',
      'tessera_reconciliation_lag_seconds',
      'tessera_http_requests_total',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
      'process_resident_memory_bytes',
    ];
    expect(watched.filter((name) => !used.has(name))).toEqual([]);
  });
});
