// `pnpm bench:fanout`: one API process, N raw SSE subscribers of seats.onChange on one event (in
// separate client processes), holds applied at a steady rate straight through the Lua script;
// reports change → subscriber latency, messages per subscriber and server memory per subscriber,
// with 1 subscriber measured in the same run as the ceiling.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { HoldRefusedError } from '@tessera/core/holds/hold-refusal';
import { loadEventSeatState } from '@tessera/core/holds/load-event-seat-state';
import { createPrismaClient } from '@tessera/db/client';
import { ensureDatabase, migrate } from '@tessera/db/migrate';
import { readApiConfig } from '../env.ts';
import { createBenchFixture, deleteBenchFixture } from './bench-fixture.ts';
import type { FanoutServerCommand, FanoutServerProbe, TracedDelta } from './bench-fanout-server.ts';
import { readChangeTimes } from './bench-fanout-stream-times.ts';
import type { SubscribersCommand, SubscribersReport } from './bench-fanout-subscribers.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);

const LEVELS = (process.env.FANOUT_SUBSCRIBERS ?? '1000,2500,5000').split(',').map(Number);
const RATE = Number(process.env.FANOUT_HOLDS_PER_SECOND ?? 200);
const SECONDS = Number(process.env.FANOUT_SECONDS ?? 15);
const CLIENT_PROCESSES = Number(process.env.FANOUT_CLIENT_PROCESSES ?? 2);
const ROWS = 20;
const SEATS_PER_ROW = 100;
const TARGET_P99_MS = 250;
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
const serverBreakdown = async (deltas: TracedDelta[]) => {
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

interface LevelResult {
  subscribers: number;
  p50: number;
  p99: number;
  max: number;
  messagesPerSubscriber: number;
  changes: number;
  untimed: number;
  resyncs: number;
  heapPerSubscriber: number;
  rssPerSubscriber: number;
  cpuPercent: number;
  cpuMicrosPerMessage: number;
  systemMicrosPerMessage: number;
  loopDelayP99Ms: number;
  clientCpuPercent: number;
  holds: number;
  server: Awaited<ReturnType<typeof serverBreakdown>>;
}

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
  print(
    `  ${subscribers} subscribers: p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms; ` +
      `${result.messagesPerSubscriber.toFixed(0)} messages/subscriber for ${loader.sent - loader.refused} holds; ` +
      `hub readers ${connected.hub.readers}, listeners ${connected.hub.listeners} (subscribers + the trace)`,
  );
  // The server must be back to no listeners before the next level.
  for (let i = 0; i < 200 && (await probe()).hub.listeners > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return result;
};

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
try {
  print(
    `seats.onChange fan-out: ${fixture.seatIds.length} seats, ${RATE} single-seat holds/s for ${SECONDS} s per level, ` +
      `${CLIENT_PROCESSES} client processes, coalescing ${config.seatStream.coalesceWindowMs} ms, load average ${loadavg()[0]!.toFixed(1)}`,
  );
  const baseline = await probe();
  print(
    `Server baseline: RSS ${(baseline.rss / 2 ** 20).toFixed(0)} MiB, heap ${(baseline.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  const results: LevelResult[] = [];
  for (const level of [1, ...LEVELS]) results.push(await runLevel(level));

  print(
    '\nsubscribers  p50 ms  p99 ms  max ms  msgs/sub  changes/sub  resyncs  heap KiB/sub  RSS KiB/sub  server CPU  CPU µs/msg  loop p99 ms  client CPU  p99/250ms',
  );
  for (const r of results) {
    print(
      [
        String(r.subscribers).padStart(11),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        String(r.max).padStart(7),
        r.messagesPerSubscriber.toFixed(0).padStart(9),
        r.changes.toFixed(0).padStart(12),
        String(r.resyncs).padStart(8),
        kb(r.heapPerSubscriber).padStart(13),
        kb(r.rssPerSubscriber).padStart(12),
        `${r.cpuPercent.toFixed(0)}%`.padStart(11),
        r.cpuMicrosPerMessage.toFixed(1).padStart(11),
        r.loopDelayP99Ms.toFixed(0).padStart(12),
        `${r.clientCpuPercent.toFixed(0)}%`.padStart(11),
        (r.p99 / TARGET_P99_MS).toFixed(2).padStart(10),
      ].join(' '),
    );
  }
  print(
    "\nOn the server (hub trace): change → its delta starts going out, → written to the last socket; one delta's fan-out",
  );
  print(
    'subscribers  deltas  wait p50  wait p99  written p50  written p99  fan-out p50 ms  fan-out p99 ms  wall µs/socket  CPU µs/msg of which kernel',
  );
  for (const { subscribers, server: t, cpuMicrosPerMessage, systemMicrosPerMessage } of results) {
    print(
      [
        String(subscribers).padStart(11),
        String(t.deltas).padStart(7),
        t.waitP50.toFixed(0).padStart(9),
        t.waitP99.toFixed(0).padStart(9),
        t.writtenP50.toFixed(0).padStart(12),
        t.writtenP99.toFixed(0).padStart(12),
        t.fanoutP50.toFixed(1).padStart(15),
        t.fanoutP99.toFixed(1).padStart(15),
        t.microsPerSocket.toFixed(1).padStart(15),
        cpuMicrosPerMessage.toFixed(1).padStart(11),
        systemMicrosPerMessage.toFixed(1).padStart(16),
      ].join(' '),
    );
  }
  const ceiling = results[0]!;
  const top = results.at(-1)!;
  print(
    `\nCeiling (1 subscriber, same run): p99 ${ceiling.p99} ms. At ${top.subscribers}: p99 ${top.p99} ms ` +
      `(${(top.p99 / Math.max(1, ceiling.p99)).toFixed(1)}× the ceiling) = ` +
      `${((top.p99 / TARGET_P99_MS) * 100).toFixed(0)}% of the 250 ms target (${top.p99 < TARGET_P99_MS ? 'met' : 'MISSED'}); ` +
      `load average now ${loadavg()[0]!.toFixed(1)}.`,
  );
  if (results.some((r) => r.untimed > 0))
    print('Some changes were trimmed from the stream before timing.');
} finally {
  for (const child of [server, ...clients]) child.disconnect();
  await deleteBenchFixture(prisma, fixture);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([prisma.$disconnect(), redis.quit()]);
}
