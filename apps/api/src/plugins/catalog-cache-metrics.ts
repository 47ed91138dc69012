// Catalog cache series for /metrics: reads by outcome (hit, miss, outage, bypass) and
// invalidations, from the process-wide totals the cache keeps. Registered by the metrics plugin.
import { Counter, type Registry } from 'prom-client';
import { catalogCacheTotals } from '@tessera/core/cache/cache-counters';

const OUTCOMES = ['hit', 'miss', 'outage', 'bypass'] as const;

export const registerCatalogCacheMetrics = (registry: Registry) => {
  new Counter({
    name: 'tessera_catalog_cache_reads_total',
    help: 'Catalog reads (events.list, events.get, layouts) by outcome: hit, miss, outage (Redis unusable, read from Postgres), bypass (never cached)',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const outcome of OUTCOMES) this.inc({ outcome }, catalogCacheTotals[outcome]);
    },
  });
  new Counter({
    name: 'tessera_catalog_cache_invalidations_total',
    help: 'Catalog cache invalidations after admin writes, by result (ok, failed)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ result: 'ok' }, catalogCacheTotals.invalidations);
      this.inc({ result: 'failed' }, catalogCacheTotals.failedInvalidations);
    },
  });
};
