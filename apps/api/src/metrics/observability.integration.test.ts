// Issue #7's observability proofs against a real API (HTTP on loopback) and a real worker process
// (spawned from apps/worker), sharing the test Postgres and Redis: after a join, an admission, a
// hold, a conflict, a batch and a live seat-map stream, both /metrics expose every named series;
// the Grafana dashboard reads only series those scrapes contain; Prometheus targets the compose
// services on the right ports; and the worker's log lines for a job carry the requestId of the API
// request it came from, at the level LOG_LEVEL asks for.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOnSaleInvariants } from '@tessera/core/dashboard/check-on-sale-invariants';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { deleteKeysByPrefix } from '@tessera/core/infra/delete-keys';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { withRequestId } from '@tessera/jobs/job-context';
import { createMaintenanceQueue } from '@tessera/jobs/maintenance-queue';
import { MaintenanceJob, QueueName } from '@tessera/jobs/queues';
import { ZApiEnv } from '../env.ts';
import { createFan } from '../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  createSessionClient,
  openWaitingRoom,
} from '../trpc/routers/waiting-room/waiting-room-test-kit.ts';
import { metricNamesOf } from './promql-metric-names.ts';
import {
  declaredNames,
  parseExposition,
  sampleNames,
  valueOf,
  type Sample,
} from './scrape-parser.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const workerDir = path.join(repoRoot, 'apps/worker');

type LogLine = Record<string, unknown> & { level: number; msg?: string };

/** The worker as `pnpm --filter @tessera/worker start` runs it, its JSON log lines collected. */
const spawnWorker = async (env: Record<string, string>) => {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      stderr.push(line);
    }
    for (const wake of waiters) wake();
  });
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  exited.then(() => waiters.forEach((wake) => wake())).catch(() => {});
  /** Resolves with the first log line matching, or fails after timeoutMs with what was seen. */
  const until = async (match: (line: LogLine) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = lines.find(match);
      if (found) return found;
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`worker log line not seen; stderr: ${stderr.join('\n')}`);
      await new Promise<void>((resolve) => {
        waiters.add(resolve);
        setTimeout(resolve, deadline - Date.now());
      }).finally(() => waiters.clear());
    }
  };
  const started = await until((line) => line.msg === 'worker started', 30_000);
  return {
    lines,
    until,
    metricsUrl: `http://127.0.0.1:${String(started.metricsPort)}/metrics`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
};

const declared = new Set<string>();

const scrape = async (url: string): Promise<Sample[]> => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const body = await response.text();
  for (const name of declaredNames(body)) declared.add(name);
  return parseExposition(body);
};

/** Scrapes until `ready` holds (the worker applies changes on its own ticks), then returns it. */
const scrapeUntil = async (url: string, ready: (s: Sample[]) => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const samples = await scrape(url);
    if (ready(samples)) return samples;
    if (Date.now() > deadline) throw new Error(`metrics at ${url} never became ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

let testApp: TestApp;
let baseUrl = '';
let worker: Awaited<ReturnType<typeof spawnWorker>>;
let eventId = '';
let apiSamples: Sample[] = [];
let workerSamples: Sample[] = [];
const sseOpen: Record<string, number | null> = {};
let statusCalls = 0;
const batchObservations: Record<string, number> = {};

const durationCount = 'tessera_trpc_procedure_duration_seconds_count';

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
  worker = await spawnWorker({
    DATABASE_URL: testApp.config.databaseUrl,
    REDIS_URL: testApp.config.redisUrl,
    REDIS_PREFIX: testApp.config.redisPrefix,
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    WORKER_METRICS_PORT: '0',
    WORKER_METRICS_HOST: '127.0.0.1',
    // Other test files share this database: the schedule and purge ticks run once, at start.
    WAITING_ROOM_EVERY_MS: '3600000',
    MAINTENANCE_EVERY_MS: '3600000',
  });

  // Traffic: two fans join, are admitted, one holds two seats, the other collides on one of them.
  const { event, window, rowA } = await openWaitingRoom(testApp);
  eventId = event.id;
  const clients = await Promise.all(
    [1, 2].map(async () =>
      createSessionClient({
        baseUrl,
        cookieName: testApp.config.sessionCookieName,
        session: (await createFan(testApp)).token,
      }),
    ),
  );
  for (const client of clients) await client.waitingRoom.join.mutate({ eventId });
  const store = {
    prisma: testApp.prisma,
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
  };
  await advanceAdmission({ ...store, windowId: window.id });
  // The token as the fan's client reads it; a status racing the admission step is asked again.
  const tokenOf = async (client: (typeof clients)[number]) => {
    for (let attempt = 1; ; attempt += 1) {
      statusCalls += 1;
      const status = await client.waitingRoom.status.query({ eventId });
      if (status.admission) return status.admission.token;
      if (attempt === 20) throw new Error(`fan not admitted: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const tokens = [await tokenOf(clients[0]!), await tokenOf(clients[1]!)];
  await clients[0]!.holds.create.mutate({
    eventId,
    seatIds: [rowA[0]!, rowA[1]!],
    admissionToken: tokens[0],
  });
  await expect(
    clients[1]!.holds.create.mutate({
      eventId,
      seatIds: [rowA[1]!, rowA[2]!],
      admissionToken: tokens[1],
    }),
  ).rejects.toMatchObject({ data: { appError: { code: 'SEAT_TAKEN' } } });

  // A batch of two procedures in one HTTP request: one observation each.
  const before = await scrape(`${baseUrl}/metrics`);
  const batch = await fetch(
    `${baseUrl}/trpc/auth.me,events.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: { id: eventId } }))}`,
  );
  expect(batch.status).toBe(200);
  const after = await scrape(`${baseUrl}/metrics`);
  for (const procedure of ['auth.me', 'events.get'])
    batchObservations[procedure] =
      (valueOf(after, durationCount, { procedure }) ?? 0) -
      (valueOf(before, durationCount, { procedure }) ?? 0);

  // Live streams: the seat map (served by the SSE fast path) and the queue (the tRPC adapter).
  const streams = await Promise.all([
    new Promise<{ unsubscribe: () => void }>((resolve, reject) => {
      const sub = clients[0]!.seats.onChange.subscribe(
        { eventId },
        { onData: () => resolve(sub), onError: reject },
      );
    }),
    new Promise<{ unsubscribe: () => void }>((resolve, reject) => {
      const sub = clients[1]!.waitingRoom.onUpdate.subscribe(
        { eventId },
        { onData: () => resolve(sub), onError: reject },
      );
    }),
  ]);
  const during = await scrape(`${baseUrl}/metrics`);
  for (const procedure of ['seats.onChange', 'waitingRoom.onUpdate'])
    sseOpen[procedure] = valueOf(during, 'tessera_sse_connections', { procedure });
  for (const stream of streams) stream.unsubscribe();

  // The worker stores the invariant check every 30 s; run one pass now, as it would.
  await checkOnSaleInvariants({ ...store, eventIds: [eventId] });
  apiSamples = await scrapeUntil(
    `${baseUrl}/metrics`,
    (s) => valueOf(s, 'tessera_sse_connections') === 0,
  );
  // The worker reconciles the hold on its own ticks; wait until Postgres has caught up.
  workerSamples = await scrapeUntil(
    worker.metricsUrl,
    (s) =>
      valueOf(s, 'tessera_reconciliation_lag_versions', { event_id: eventId }) === 0 &&
      (valueOf(s, 'tessera_reconciliation_commit_lag_seconds_count') ?? 0) > 0 &&
      valueOf(s, 'tessera_invariants_ok', { event_id: eventId }) !== null,
  );
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  await testApp?.close();
  // BullMQ keys may sit under a hash-tagged form of the prefix ({<prefix>bull}).
  if (testApp) {
    const redis = createRedisClient({ redisUrl: testApp.config.redisUrl });
    await deleteKeysByPrefix(redis, `{${testApp.config.redisPrefix}`);
    await redis.quit();
  }
}, 30_000);

/** Every series issue #7 names, as each process exposes it. */
const API_SERIES = [
  'tessera_trpc_procedure_duration_seconds_bucket',
  'tessera_trpc_procedure_duration_seconds_count',
  'tessera_holds_created_total',
  'tessera_hold_conflicts_total',
  'tessera_waiting_room_queue_length',
  'tessera_waiting_room_prequeue_size',
  'tessera_waiting_room_admitted_per_minute',
  'tessera_waiting_room_active_shoppers',
  'tessera_sse_connections',
  'tessera_http_requests_total',
  'process_cpu_user_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_p99_seconds',
];
const WORKER_SERIES = [
  'tessera_bullmq_queue_jobs',
  'tessera_bullmq_job_lag_seconds_bucket',
  'tessera_bullmq_jobs_processed_total',
  'tessera_reconciliation_lag_seconds',
  'tessera_reconciliation_lag_versions',
  'tessera_reconciliation_commit_lag_seconds_bucket',
  'tessera_invariants_ok',
  'tessera_invariants_failed_checks',
  'process_cpu_user_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_p99_seconds',
];

describe('API /metrics after real traffic', () => {
  it('exposes every named series', () => {
    const names = sampleNames(apiSamples);
    expect(API_SERIES.filter((name) => !names.has(name))).toEqual([]);
  });

  it('observes each procedure by type and outcome, once per procedure of a batch', () => {
    const count = (labels: Record<string, string>) => valueOf(apiSamples, durationCount, labels);
    expect(count({ procedure: 'holds.create', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(count({ procedure: 'holds.create', type: 'mutation', outcome: 'CONFLICT' })).toBe(1);
    expect(count({ procedure: 'waitingRoom.join', type: 'mutation', outcome: 'ok' })).toBe(2);
    expect(count({ procedure: 'waitingRoom.status', type: 'query', outcome: 'ok' })).toBe(
      statusCalls,
    );
    // The seat map's SSE fast path never enters tRPC's middleware; the adapter's streams do.
    expect(count({ procedure: 'waitingRoom.onUpdate', type: 'subscription', outcome: 'ok' })).toBe(
      1,
    );
    expect(batchObservations).toEqual({ 'auth.me': 1, 'events.get': 1 });
  });

  it('counts holds and conflicts, and open SSE streams on both serving paths', () => {
    expect(valueOf(apiSamples, 'tessera_holds_created_total')).toBeGreaterThanOrEqual(1);
    expect(valueOf(apiSamples, 'tessera_hold_conflicts_total')).toBeGreaterThanOrEqual(1);
    expect(sseOpen).toEqual({ 'seats.onChange': 1, 'waitingRoom.onUpdate': 1 });
    expect(valueOf(apiSamples, 'tessera_sse_connections')).toBe(0);
    const queued = valueOf(apiSamples, 'tessera_waiting_room_active_shoppers', {
      event_id: eventId,
    });
    expect(queued).toBe(2);
    expect(
      valueOf(apiSamples, 'tessera_http_requests_total', { route: '/trpc/holds.create' }),
    ).toBe(2);
  });
});

describe('worker /metrics after real traffic', () => {
  it('exposes every named series', () => {
    const names = sampleNames(workerSamples);
    expect(WORKER_SERIES.filter((name) => !names.has(name))).toEqual([]);
  });

  it('reports queue depth per queue and state, job lag per queue, and reconciliation caught up', () => {
    for (const queue of ['maintenance', 'seat-sync', 'seat-reconcile', 'waiting-room'])
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(
          valueOf(workerSamples, 'tessera_bullmq_queue_jobs', { queue, state }),
        ).not.toBeNull();
    for (const queue of ['seat-sync', 'seat-reconcile'])
      expect(
        valueOf(workerSamples, 'tessera_bullmq_job_lag_seconds_count', { queue }),
      ).toBeGreaterThan(0);
    expect(
      valueOf(workerSamples, 'tessera_reconciliation_lag_seconds', { event_id: eventId }),
    ).toBe(0);
    expect(valueOf(workerSamples, 'tessera_invariants_ok', { event_id: eventId })).toBe(1);
    expect(valueOf(workerSamples, 'tessera_invariants_failed_checks', { event_id: eventId })).toBe(
      0,
    );
  });
});

describe('Prometheus and Grafana configuration', () => {
  const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

  it('the dashboard reads only series the API or the worker declare', () => {
    const dashboard = JSON.parse(read('infra/grafana/dashboards/tessera.json')) as {
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

  it('Prometheus scrapes both API replicas and the worker on their ports', () => {
    const config = parseYaml(read('infra/prometheus/prometheus.yml')) as {
      scrape_configs: Array<{
        job_name: string;
        metrics_path?: string;
        static_configs: Array<{ targets: string[] }>;
      }>;
    };
    const targets = Object.fromEntries(
      config.scrape_configs.map((job) => [
        job.job_name,
        {
          path: job.metrics_path ?? '/metrics',
          targets: job.static_configs.flatMap((s) => s.targets),
        },
      ]),
    );
    const apiPort = ZApiEnv.parse({}).PORT;
    expect(targets).toEqual({
      'tessera-api': { path: '/metrics', targets: [`api-1:${apiPort}`, `api-2:${apiPort}`] },
      'tessera-worker': { path: '/metrics', targets: ['worker:9464'] },
    });
    const datasource = parseYaml(read('infra/grafana/provisioning/datasources/prometheus.yml')) as {
      datasources: Array<{ uid: string; url: string }>;
    };
    expect(datasource.datasources[0]).toMatchObject({
      uid: 'tessera-prometheus',
      url: 'http://prometheus:9090',
    });
  });
});

describe('worker logs', () => {
  it('carry the requestId of the API request behind a job, at the level LOG_LEVEL sets', async () => {
    const requestId = `obs-${randomUUID()}`;
    const response = await fetch(`${baseUrl}/trpc/auth.me`, {
      headers: { 'x-request-id': requestId },
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    // The API enqueues no job today, so the test enqueues one as a procedure would: with its id.
    const connection = createRedisClient({ redisUrl: testApp.config.redisUrl, forBullmq: true });
    const prefix = String(worker.lines.find((l) => l.msg === 'worker started')?.bullPrefix);
    const queue = createMaintenanceQueue({ connection, prefix });
    const job = await queue.add(
      MaintenanceJob.PURGE_EXPIRED_IDEMPOTENCY,
      withRequestId({ graceSeconds: 86_400, batchSize: 10 }, requestId),
    );
    const line = await worker.until((l) => l.requestId === requestId);
    expect(line).toMatchObject({
      msg: 'purged expired rows',
      queue: QueueName.MAINTENANCE,
      jobId: job.id,
      service: 'worker',
    });
    expect(worker.lines.filter((l) => l.requestId === requestId && l.jobId !== job.id)).toEqual([]);
    // LOG_LEVEL=debug: the reconcile jobs' debug lines (level 20) are written.
    expect(worker.lines.some((l) => l.level === 20 && l.queue === 'seat-reconcile')).toBe(true);
    await queue.close();
    connection.disconnect();
  });
});
