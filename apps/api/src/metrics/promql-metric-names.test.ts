import { expect, it } from 'vitest';
import { metricNamesOf } from './promql-metric-names.ts';

it('finds the metric names of PromQL expressions, not functions, labels or keywords', () => {
  expect(
    metricNamesOf(
      'histogram_quantile(0.99, sum by (le, procedure) (rate(tessera_trpc_procedure_duration_seconds_bucket{procedure=~"holds.create|x"}[$__rate_interval])))',
    ),
  ).toEqual(['tessera_trpc_procedure_duration_seconds_bucket']);
  expect(
    metricNamesOf(
      'sum(rate(a_total[5m])) / clamp_min(sum(rate(b_total{x="by (y)"}[1m])) + sum(c), 1e-9) > bool 0 unless on (i) d',
    ).sort(),
  ).toEqual(['a_total', 'b_total', 'c', 'd']);
});
