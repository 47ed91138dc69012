// Per-procedure latency for /metrics, observed by a tRPC middleware that every procedure runs
// first: one observation per procedure call, so a batch of three gives three, and the official
// adapter, the hot-path fast routes and createCaller are measured alike. Subscriptions measure
// their set-up.
import { middleware } from '../trpc/init.ts';
import { FastHistogram } from './fast-series.ts';

/** Registered by the metrics plugin; shared by every app built in this process. */
export const procedureDuration = new FastHistogram(
  'tessera_trpc_procedure_duration_seconds',
  'tRPC procedure latency by procedure, type and outcome (ok or the tRPC error code)',
  ['procedure', 'type', 'outcome'],
  [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
);

export const observeProcedure = middleware(async ({ path, type, next }) => {
  const startedAt = performance.now();
  const result = await next();
  procedureDuration.observe(
    [path, type, result.ok ? 'ok' : result.error.code],
    (performance.now() - startedAt) / 1000,
  );
  return result;
});
