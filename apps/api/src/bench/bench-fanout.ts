// `pnpm bench:fanout`: one API process, N raw SSE subscribers of seats.onChange on one event (in
// separate client processes), holds applied at a steady rate straight through the Lua script;
// reports change → subscriber latency, messages per subscriber and server memory per subscriber,
// with 1 subscriber measured in the same run as the ceiling.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { HoldRefusedError } from '@tessera/core/holds/hold-refusal';
import { loadEventSeatState } from '@tessera/core/holds/load-event-seat-state';
import { createPrismaClient } from '@tessera/db/client';
import { ensureDatabase, migrate } from '@tessera/db/migrate';
import { readApiConfig } from '../env.ts';
import { createBenchFixture, deleteBenchFixture } from './bench-fixture.ts';
import {
  printFanoutReport,
  printLevelLine,
  printRunHeader,
  type LevelResult,
  type ServerBreakdown,
} from './bench-fanout-report.ts';
import type { FanoutServerCommand, FanoutServerProbe, TracedDelta } from './bench-fanout-server.ts';
import { readChangeTimes } from './bench-fanout-stream-times.ts';
import type { SubscribersCommand, SubscribersReport } from './bench-fanout-subscribers.ts';

const LEVELS = (process.env.FANOUT_SUBSCRIBERS ?? '1000,2500,5000').split(',').map(Number);
const RATE = Number(process.env.FANOUT_HOLDS_PER_SECOND ?? 200);
const SECONDS = Number(process.env.FANOUT_SECONDS ?? 15);
const CLIENT_PROCESSES = Number(process.env.FANOUT_CLIENT_PROCESSES ?? 2);
const ROWS = 20;
const SEATS_PER_ROW = 100;
// A seat comes round again after ROWS * SEATS_PER_ROW / RATE seconds; its hold has lapsed by then.
const HOLD_TTL_MS = Math.floor(((ROWS * SEATS_PER_ROW) / RATE) * 500);

const redisPrefix = `bench:${randomUUID().slice(0, 8)}:`;
const env: NodeJS.ProcessEnv = { ...process.env, REDIS_PREFIX: redisPrefix, LOG_LEVEL: 'silent' };
const benchDatabaseUrl = (() => {
  const url = new URL(readApiConfig(env).databaseUrl);
  url.pathname = '/tessera_bench';
  return process.env.BENCH_DATABASE_URL ?? url.toString();
})();
env.DATABASE_URL = benchDatabaseUrl;
await ensureDatabase(benchDatabaseUrl);
await migrate(benchDatabaseUrl);
const config = readApiConfig(env);
const prisma = createPrismaClient({ databaseUrl: config.databaseUrl });
const redis = createRedisClient({ redisUrl: config.redisUrl });

const fixture = await createBenchFixture({
  prisma,
  redis,
  redisPrefix,
  rows: ROWS,
  seatsPerRow: SEATS_PER_ROW,
  fans: 0,
  perFanSeatLimit: 10,
});
const eventId = fixture.apiEventId;
await loadEventSeatState({ prisma, redis, prefix: redisPrefix, eventId });

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const server = fork(script('./bench-fanout-server.ts'), {
  execArgv: [
    '--import',
    'tsx',
    '--expose-gc',
    ...(process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : []),
  ],
  env,
});
const clients = Array.from({ length: CLIENT_PROCESSES }, () =>
  fork(script('./bench-fanout-subscribers.ts'), { execArgv: ['--import', 'tsx'], env }),
);

/** Sends a command and resolves with the child's next message of the given type. */
const ask = <T>(child: ChildProcess, command: unknown, type: string) =>
  new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`bench child exited with ${code}`));
    const onMessage = (message: { type?: string }) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (command !== undefined) child.send(command as SubscribersCommand | FanoutServerCommand);
  });

const { port } = await ask<{ port: number }>(server, undefined, 'ready');
const probe = () => ask<FanoutServerProbe & { type: 'probe' }>(server, 'probe', 'probe');
const url = `http://127.0.0.1:${port}/trpc/seats.onChange?input=${encodeURIComponent(JSON.stringify({ eventId }))}`;

const split = (n: number) =>
  clients.map((_, i) => Math.floor(n / clients.length) + (i < n % clients.length ? 1 : 0));

/** Applies holds at RATE per second for SECONDS, paced by elapsed time (no drift). */
const applyHolds = async () => {
  const started = performance.now();
  let sent = 0;
  let refused = 0;
  const inFlight = new Set<Promise<unknown>>();
  while (performance.now() - started < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    for (; sent < due; sent++) {
      const seatId = fixture.seatIds[sent % fixture.seatIds.length]!;
      const hold = holdSeats({
        redis,
        prefix: redisPrefix,
        eventId,
        userId: randomUUID(),
        seatIds: [seatId],
        ttlMs: HOLD_TTL_MS,
        perUserSeatLimit: 10,
      }).catch((error: unknown) => {
        if (!(error instanceof HoldRefusedError)) throw error;
        refused += 1;
      });
      inFlight.add(hold);
      void hold.finally(() => inFlight.delete(hold));
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(inFlight);
  return { sent, refused };
};

/** p-th percentile of unsorted samples (nearest rank). */
const quantile = (samples: number[], p: number) => {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
};

/**
 * Where the time goes on the server, from the hub trace: per change, the wait until its delta
 * starts going out (coalescing window + XREAD), and until the hub's loop has written it to the
 * last socket; per delta, how long that loop took.
 */
const serverBreakdown = async (deltas: TracedDelta[]): Promise<ServerBreakdown> => {
  const times = await readChangeTimes({ redisUrl: config.redisUrl, prefix: redisPrefix, eventId });
  const waits: number[] = [];
  const written: number[] = [];
  for (const d of deltas) {
    for (let version = d.fromVersion + 1; version <= d.toVersion; version++) {
      const at = times.get(version);
      if (at === undefined) continue;
      waits.push(d.startedAt - at);
      written.push(d.startedAt + d.fanoutMs - at);
    }
  }
  const fanouts = deltas.map((d) => d.fanoutMs);
  const perSocket = deltas.map((d) => (d.fanoutMs * 1000) / Math.max(1, d.listeners - 1));
  return {
    deltas: deltas.length,
    waitP50: quantile(waits, 0.5),
    waitP99: quantile(waits, 0.99),
    writtenP50: quantile(written, 0.5),
    writtenP99: quantile(written, 0.99),
    fanoutP50: quantile(fanouts, 0.5),
    fanoutP99: quantile(fanouts, 0.99),
    microsPerSocket: quantile(perSocket, 0.5),
  };
};

const percentile = (histogram: number[], total: number, p: number) => {
  let seen = 0;
  for (let ms = 0; ms < histogram.length; ms++) {
    seen += histogram[ms]!;
    if (seen >= total * p) return ms;
  }
  return histogram.length - 1;
};

const runLevel = async (subscribers: number) => {
  const counts = split(subscribers);
  // The trace listener goes first, so the hub calls it before any subscriber's.
  await ask(server, { type: 'trace-start', eventId }, 'tracing');
  // Memory per subscriber is measured from just before this level's clients connect.
  const baseline = await probe();
  await Promise.all(
    clients.map(
      (c, i) => counts[i]! > 0 && ask(c, { type: 'open', url, count: counts[i] }, 'opened'),
    ),
  );
  const connected = await probe();
  await Promise.all(clients.map((c) => ask(c, { type: 'start' }, 'started')));
  const loader = await applyHolds();
  // Let the last window flush and reach every client before reading their clocks.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const loaded = await probe();
  const { deltas } = await ask<{ deltas: TracedDelta[] }>(server, { type: 'trace-stop' }, 'trace');
  const reports = await Promise.all(
    clients.map((c) =>
      ask<SubscribersReport>(
        c,
        { type: 'report', redisUrl: config.redisUrl, prefix: redisPrefix, eventId },
        'report',
      ),
    ),
  );
  await Promise.all(clients.map((c) => ask(c, { type: 'close' }, 'closed')));
  const histogram = reports[0]!.histogram.map((_, ms) =>
    reports.reduce((s, r) => s + r.histogram[ms]!, 0),
  );
  const total = histogram.reduce((s, n) => s + n, 0);
  let max = 0;
  histogram.forEach((n, ms) => n > 0 && (max = ms));
  const messages = reports.reduce((s, r) => s + r.messages, 0);
  const result: LevelResult = {
    subscribers,
    p50: percentile(histogram, total, 0.5),
    p99: percentile(histogram, total, 0.99),
    max,
    messagesPerSubscriber: messages / subscribers,
    changes: total / subscribers,
    untimed: reports.reduce((s, r) => s + r.untimed, 0),
    resyncs: reports.reduce((s, r) => s + r.resyncs, 0),
    heapPerSubscriber: (connected.heapUsed - baseline.heapUsed) / subscribers,
    rssPerSubscriber: (Math.max(connected.rss, loaded.rss) - baseline.rss) / subscribers,
    cpuPercent: ((loaded.cpuMicros - connected.cpuMicros) / ((SECONDS + 1) * 1e6)) * 100,
    // Box-independent cost of fan-out: server CPU per delivered message (the XREAD side is shared).
    cpuMicrosPerMessage: (loaded.cpuMicros - connected.cpuMicros) / Math.max(1, messages),
    systemMicrosPerMessage: (loaded.systemMicros - connected.systemMicros) / Math.max(1, messages),
    loopDelayP99Ms: loaded.loopDelayP99Ms,
    // Busiest client process, as a share of one core over the recorded phase.
    clientCpuPercent: Math.max(...reports.map((r) => r.cpuMicros)) / ((SECONDS + 1) * 1e4),
    holds: loader.sent - loader.refused,
    server: await serverBreakdown(deltas),
  };
  printLevelLine(result, connected.hub);
  // The server must be back to no listeners before the next level.
  for (let i = 0; i < 200 && (await probe()).hub.listeners > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return result;
};

try {
  printRunHeader({
    seats: fixture.seatIds.length,
    rate: RATE,
    seconds: SECONDS,
    clientProcesses: CLIENT_PROCESSES,
    coalesceWindowMs: config.seatStream.coalesceWindowMs,
    baseline: await probe(),
  });
  const results: LevelResult[] = [];
  for (const level of [1, ...LEVELS]) results.push(await runLevel(level));
  printFanoutReport(results);
} finally {
  for (const child of [server, ...clients]) child.disconnect();
  await deleteBenchFixture(prisma, fixture);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([prisma.$disconnect(), redis.quit()]);
}
