// `pnpm bench:join`: a join spike on waitingRoom.join through the real API process (default 50,000
// signed-in fans over 10 s, open loop), against the ceiling measured in the same run: the same
// spike on a bare Fastify route doing one Redis INCR. Then position-update delivery: a sample of
// fans subscribed to waitingRoom.onUpdate over SSE, timed from each admission step (run here like
// the worker's tick) to their receiving the admission token.
import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { EventSource } from 'eventsource';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { createPrismaClient } from '@tessera/db/client';
import { ensureDatabase, migrate } from '@tessera/db/migrate';
import { readApiConfig } from '../env.ts';
import { createJoinFixture, deleteJoinFixture } from './join-fixture.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);

const FANS = Number(process.env.BENCH_FANS ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 256);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
const ADMIT_PER_MINUTE = Number(process.env.BENCH_ADMIT_PER_MINUTE ?? 1_200);

const redisPrefix = `bench-join:${randomUUID().slice(0, 8)}:`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  REDIS_PREFIX: redisPrefix,
  LOG_LEVEL: 'silent',
  // Every bench fan comes from 127.0.0.1: the per-IP budget must not be what is measured.
  WAITING_ROOM_JOIN_LIMIT_PER_IP: String(FANS * 10),
  WAITING_ROOM_STATUS_LIMIT_PER_IP: String(FANS * 10),
};
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
const cookieName = config.sessionCookieName;

print(`Preparing ${FANS} fans with sessions and an open waiting room (database tessera_bench)...`);
const fixture = await createJoinFixture({
  prisma,
  redis,
  redisPrefix,
  fans: FANS,
  admitPerMinute: ADMIT_PER_MINUTE,
});
const server = fork(fileURLToPath(new URL('./bench-join-server.ts', import.meta.url)), {
  execArgv: ['--import', 'tsx'],
  env,
});
const ports = await new Promise<{ apiPort: number; ceilingPort: number }>((resolve, reject) => {
  server.once('message', (message) => resolve(message as { apiPort: number; ceilingPort: number }));
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const apiUrl = `http://127.0.0.1:${ports.apiPort}`;

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

interface SpikeResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors5xx: number;
  transportErrors: number;
  cpuMicrosPerRequest: number;
}

/** Open loop: `fans.length` requests at an even overall rate over SECONDS. */
const spike = async (
  url: string,
  fans: Array<{ token: string }>,
  body: string,
): Promise<SpikeResult> => {
  let next = 0;
  let errors5xx = 0;
  const before = await serverCpuMicros();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: fans.length,
    overallRate: Math.ceil(fans.length / SECONDS),
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const fan = fans[next++ % fans.length]!;
          return {
            ...request,
            body,
            headers: {
              ...request.headers,
              'content-type': 'application/json',
              cookie: `${cookieName}=${fan.token}`,
            },
          };
        },
        onResponse: (status) => {
          if (status >= 500) errors5xx++;
        },
      },
    ],
  });
  const cpu = (await serverCpuMicros()) - before;
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / (result.duration || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors5xx,
    transportErrors: result.errors + result.timeouts,
    cpuMicrosPerRequest: cpu / Math.max(1, result.requests.total),
  };
};

/** A fan following waitingRoom.onUpdate over SSE; resolves with the time the token arrived. */
const watchAdmission = (fan: { token: string }) => {
  const input = encodeURIComponent(JSON.stringify({ eventId: fixture.eventId }));
  const source = new EventSource(`${apiUrl}/trpc/waitingRoom.onUpdate?input=${input}`, {
    fetch: (url, init) =>
      fetch(url, { ...init, headers: { ...init?.headers, cookie: `${cookieName}=${fan.token}` } }),
  });
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const admitted = new Promise<number>((resolve) => {
    source.addEventListener('message', (event) => {
      connected();
      const status = JSON.parse(event.data as string) as { state?: string };
      if (status.state === 'ADMITTED') resolve(Date.now());
    });
  });
  return { ready, admitted, close: () => source.close() };
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

const watchers: ReturnType<typeof watchAdmission>[] = [];
try {
  const sample = fixture.fans.slice(0, SAMPLE);
  const joinBody = JSON.stringify({ eventId: fixture.eventId });
  // The sample joins first (front of the queue) and subscribes, so it feels the spike live.
  for (const fan of sample)
    await fetch(`${apiUrl}/trpc/waitingRoom.join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${cookieName}=${fan.token}` },
      body: joinBody,
    });
  watchers.push(...sample.map(watchAdmission));
  await Promise.all(watchers.map((w) => w.ready));

  print(
    `Ceiling: ${FANS - SAMPLE} POSTs over ${SECONDS} s to a bare Fastify route doing one Redis INCR...`,
  );
  const ceiling = await spike(
    `http://127.0.0.1:${ports.ceilingPort}/incr`,
    fixture.fans.slice(SAMPLE),
    '{}',
  );
  print(
    `API: ${FANS - SAMPLE} waitingRoom.join over ${SECONDS} s (${SAMPLE} fans subscribed to onUpdate)...`,
  );
  const api = await spike(`${apiUrl}/trpc/waitingRoom.join`, fixture.fans.slice(SAMPLE), joinBody);
  const queued = await redis.zcard(`${redisPrefix}{wr:${fixture.windowId}}:queue`);

  print(
    `Delivery: admission steps every second at ${ADMIT_PER_MINUTE} fans/min until the sample is in...`,
  );
  const steps: number[] = [];
  let done = false;
  const all = Promise.all(watchers.map((w) => w.admitted)).then((times) => {
    done = true;
    return times;
  });
  const deadline = Date.now() + (SAMPLE / (ADMIT_PER_MINUTE / 60)) * 1000 + 30_000;
  while (!done && Date.now() < deadline) {
    steps.push(Date.now());
    await advanceAdmission({ redis, prefix: redisPrefix, windowId: fixture.windowId });
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 1_000))]);
  }
  const received = await Promise.race([
    all,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 1)),
  ]);
  // Each token is timed from the last admission step that started before it arrived.
  const delays = (received ?? [])
    .map((at) => at - Math.max(...steps.filter((s) => s <= at)))
    .sort((a, b) => a - b);

  print(
    `\n${CONNECTIONS} connections, open loop at ${Math.ceil((FANS - SAMPLE) / SECONDS)}/s, ${FANS} fans\n`,
  );
  print(
    'run                         req/s   p50 ms  p99 ms   non-2xx  5xx  transport errors  server CPU µs/req',
  );
  for (const [name, run] of [
    ['ceiling: Fastify + INCR', ceiling],
    ['API: waitingRoom.join', api],
  ] as const) {
    print(
      [
        name.padEnd(26),
        run.perSecond.toFixed(0).padStart(7),
        String(run.p50).padStart(8),
        String(run.p99).padStart(7),
        String(run.non2xx).padStart(9),
        String(run.errors5xx).padStart(4),
        String(run.transportErrors).padStart(17),
        run.cpuMicrosPerRequest.toFixed(0).padStart(18),
      ].join(' '),
    );
  }
  print(
    `\nAPI / ceiling: ${((api.perSecond / ceiling.perSecond) * 100).toFixed(1)}% of req/s, ${((ceiling.cpuMicrosPerRequest / api.cpuMicrosPerRequest) * 100).toFixed(1)}% by server CPU per request; queue holds ${queued} fans (${SAMPLE} sample + ${FANS - SAMPLE} spike expected)`,
  );
  print(
    received
      ? `Position-update delivery (${delays.length} SSE subscribers, admission step -> token received): p50 ${percentile(delays, 0.5)} ms, p99 ${percentile(delays, 0.99)} ms, max ${delays.at(-1)} ms`
      : 'Position-update delivery: not every sampled fan received the token before the deadline',
  );
  print(
    `Load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  const failed = api.errors5xx > 0 || api.transportErrors > 0 || !received || queued !== FANS;
  print(
    failed
      ? 'FAILED: 5xx, lost requests, missing fans or undelivered tokens'
      : 'No 5xx; every fan queued once; every sampled fan got the token.',
  );
  process.exitCode = failed ? 1 : 0;
} finally {
  for (const watcher of watchers) watcher.close();
  server.disconnect();
  await deleteJoinFixture(prisma, fixture);
  const keys = await redis.keys(`${redisPrefix}*`);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  await Promise.all([prisma.$disconnect(), redis.quit()]);
}
