// Per-procedure latency for /metrics, observed by a tRPC middleware that every procedure runs
// first: one observation per procedure call, so a batch of three gives three, and the official
// adapter, the fast paths and createCaller are measured alike. Subscriptions measure their set-up.
import { Histogram } from 'prom-client';
import { middleware } from '../trpc/init.ts';

/** Registered by the metrics plugin; shared by every app built in this process. */
export const procedureDuration = new Histogram({
  name: 'tessera_trpc_procedure_duration_seconds',
  help: 'tRPC procedure latency by procedure, type and outcome (ok or the tRPC error code)',
  labelNames: ['procedure', 'type', 'outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [],
});

export const observeProcedure = middleware(async ({ path, type, next }) => {
  const startedAt = process.hrtime.bigint();
  const result = await next();
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  procedureDuration.observe(
    { procedure: path, type, outcome: result.ok ? 'ok' : result.error.code },
    seconds,
  );
  return result;
});
