// `pnpm bench:holds`: the public holds.create API against the ceiling (plain Fastify + the same
// Lua script) in one run on one box; prints holds/s, p50/p99, conflicts, the ratio, and checks
// that no seat was sold twice. Servers run in a child process so autocannon has its own core.
import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { loadEventSeatState } from '@tessera/core/holds/load-event-seat-state';
import { createPrismaClient } from '@tessera/db/client';
import { ensureDatabase, migrate } from '@tessera/db/migrate';
import { readApiConfig } from '../env.ts';
import { seatStateProblems } from '../testing/seat-state-consistency.ts';
import { createBenchFixture, deleteBenchFixture } from './bench-fixture.ts';
import { mergeRuns, runHoldWorkload, type WorkloadResult } from './hold-workload.ts';

/** A benchmark's report is its stdout. */
const print = (line: string) => process.stdout.write(`${line}\n`);

const ROWS = Number(process.env.BENCH_ROWS ?? 400);
const SEATS_PER_ROW = Number(process.env.BENCH_SEATS_PER_ROW ?? 100);
const FANS = Number(process.env.BENCH_FANS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PER_FAN_LIMIT = Math.ceil((ROWS * SEATS_PER_ROW) / FANS) + 10;

const redisPrefix = `bench:${randomUUID().slice(0, 8)}:`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  REDIS_PREFIX: redisPrefix,
  LOG_LEVEL: 'silent',
  PAYMENT_SIMULATED_LATENCY_MS: '0',
};
// Its own database (created and migrated here): bench rows never touch dev data, and cleanup stays
// fast (deleting 40k seats in a churned database scans bloated FK tables for minutes).
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

print(
  `Preparing ${ROWS * SEATS_PER_ROW} seats, ${FANS} fans (database ${new URL(config.databaseUrl).pathname.slice(1)})...`,
);
const fixture = await createBenchFixture({
  prisma,
  redis,
  redisPrefix,
  rows: ROWS,
  seatsPerRow: SEATS_PER_ROW,
  fans: FANS,
  perFanSeatLimit: PER_FAN_LIMIT,
});
const server = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the servers there (open in Chrome DevTools).
  execArgv: [
    '--import',
    'tsx',
    ...(process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : []),
  ],
  env: { ...env, BENCH_PER_FAN_LIMIT: String(PER_FAN_LIMIT) },
});
const ports = await new Promise<{ apiPort: number; ceilingPort: number }>((resolve, reject) => {
  server.once('message', (message) => resolve(message as { apiPort: number; ceilingPort: number }));
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

const serverCpuMicros = () =>
  new Promise<number>((resolve) => {
    const onMessage = (message: unknown) => {
      const cpu = (message as { cpuMicros?: NodeJS.CpuUsage }).cpuMicros;
      if (!cpu) return;
      server.off('message', onMessage);
      resolve(cpu.user + cpu.system);
    };
    server.on('message', onMessage);
    server.send('cpu');
  });
/** Runs one workload and charges the server CPU it used to it. */
const measured = async (run: () => Promise<WorkloadResult>) => {
  const before = await serverCpuMicros();
  const result = await run();
  return { ...result, cpuMicros: (await serverCpuMicros()) - before };
};

const cookieName = config.sessionCookieName;
try {
  for (const eventId of [fixture.apiEventId, fixture.ceilingEventId]) {
    await loadEventSeatState({ prisma, redis, prefix: redisPrefix, eventId });
  }
  // Warm the API's caches (sessions in Redis, the event's sale info) as a running sale would have.
  const apiUrl = `http://127.0.0.1:${ports.apiPort}`;
  for (let i = 0; i < fixture.fans.length; i += 100) {
    await Promise.all(
      fixture.fans
        .slice(i, i + 100)
        .map((fan) =>
          fetch(`${apiUrl}/trpc/auth.me`, { headers: { cookie: `${cookieName}=${fan.token}` } }),
        ),
    );
  }
  await fetch(
    `${apiUrl}/trpc/seats.snapshot?input=${encodeURIComponent(JSON.stringify({ eventId: fixture.apiEventId }))}`,
  );

  // Alternating rounds on fresh seats, so both targets see the same background load.
  const segment = Math.ceil(fixture.seatIds.length / ROUNDS);
  const runs = { ceiling: [] as WorkloadResult[], api: [] as WorkloadResult[] };
  for (let round = 0; round < ROUNDS; round++) {
    const base = {
      seatIds: fixture.seatIds.slice(round * segment, (round + 1) * segment),
      fans: fixture.fans,
      connections: CONNECTIONS,
    };
    print(
      `Round ${round + 1}/${ROUNDS}: ceiling (plain Fastify + Lua), then API (holds.create)...`,
    );
    runs.ceiling.push(
      await measured(() =>
        runHoldWorkload({
          ...base,
          url: `http://127.0.0.1:${ports.ceilingPort}/hold`,
          request: ({ seatId, fan }) => ({
            body: JSON.stringify({
              eventId: fixture.ceilingEventId,
              userId: fan.userId,
              seatIds: [seatId],
            }),
            headers: { 'content-type': 'application/json' },
          }),
        }),
      ),
    );
    runs.api.push(
      await measured(() =>
        runHoldWorkload({
          ...base,
          url: `${apiUrl}/trpc/holds.create`,
          request: ({ seatId, fan }) => ({
            body: JSON.stringify({ eventId: fixture.apiEventId, seatIds: [seatId] }),
            headers: { 'content-type': 'application/json', cookie: `${cookieName}=${fan.token}` },
          }),
        }),
      ),
    );
  }
  const ceiling = mergeRuns(runs.ceiling);
  const api = mergeRuns(runs.api);

  const oversold = async (eventId: string, run: WorkloadResult) => {
    const doubles = [...run.winners.values()].filter((holds) => holds.length > 1).length;
    const problems = await seatStateProblems({
      redis,
      prefix: redisPrefix,
      eventId,
      perUserSeatLimit: PER_FAN_LIMIT,
    });
    return { doubles, problems: problems.length };
  };
  const rows = [
    ['ceiling: Fastify + Lua', ceiling, await oversold(fixture.ceilingEventId, ceiling)],
    ['API: tRPC holds.create', api, await oversold(fixture.apiEventId, api)],
  ] as const;
  print(
    `\n${CONNECTIONS} connections, ${fixture.seatIds.length} seats, single-seat holds, ~10% aimed at taken seats, ${ROUNDS} alternating rounds (p50: median round, p99: worst round)\n`,
  );
  print(
    'run                      holds/s   p50 ms  p99 ms  holds  conflicts  errors  CPU µs/req  seats in 2 holds  redis problems',
  );
  const cpuPerRequest = (run: WorkloadResult) => (run.cpuMicros ?? 0) / run.requests;
  for (const [name, run, check] of rows) {
    print(
      [
        name.padEnd(24),
        run.holdsPerSecond.toFixed(0).padStart(7),
        String(run.p50).padStart(8),
        String(run.p99).padStart(7),
        String(run.holds).padStart(6),
        String(run.conflicts).padStart(10),
        String(run.errors).padStart(7),
        cpuPerRequest(run).toFixed(0).padStart(11),
        String(check.doubles).padStart(17),
        String(check.problems).padStart(15),
      ].join(' '),
    );
  }
  const ratio = api.holdsPerSecond / ceiling.holdsPerSecond;
  const cpuRatio = cpuPerRequest(ceiling) / cpuPerRequest(api);
  print(
    `\nAPI / ceiling: ${(ratio * 100).toFixed(1)}% of holds/s, ${(cpuRatio * 100).toFixed(1)}% by server CPU per request (target >= 50%); API p99 ${api.p99} ms (target < 50 ms)`,
  );
  print(
    `Load average during the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  const failed = rows.some(
    ([, run, check]) => check.doubles > 0 || check.problems > 0 || run.errors > 0,
  );
  print(
    failed
      ? 'OVERSELL OR ERRORS DETECTED'
      : 'Zero oversell: every seat in at most one hold; Redis self-consistent.',
  );
  process.exitCode = failed ? 1 : 0;
} finally {
  server.disconnect();
  await deleteBenchFixture(prisma, fixture);
  const keys = await redis.keys(`${redisPrefix}*`);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  await Promise.all([prisma.$disconnect(), redis.quit()]);
}
