// The k6 suite against a running stack (real API + worker processes, Postgres, Redis): smoke.js and
// a 20-fan spike.js through the Node k6 shim (and through k6 itself when `k6` is on PATH), the
// load setup/teardown commands, and failures that must fail a run: a threshold the run cannot
// meet (exit 99) and Redis disagreeing with Postgres (load:teardown exits 1).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventKeys } from '@tessera/core/holds/keys';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { checkInvariants } from '@tessera/core/invariants/check-invariants';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import { createPrismaClient } from '@tessera/db/client';
import { dropDatabase, ensureDatabase, migrate } from '@tessera/db/migrate';
import { createLoadFixture, type LoadFixture, type LoadFixtureOptions } from './load-fixture.ts';
import { freePort, k6OnPath, loadCommand, runK6Script, startStack } from './k6-stack.ts';

const prefix = `k6test:${randomUUID()}:`;
// A database of its own: the stack's worker ticks over every live on-sale window of its database,
// and other test files create, open and end windows (some with thousands of fans) in the shared
// one while this file runs; here the worker sees only this file's sales.
const databaseUrl = (() => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/tessera_k6_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  return url.toString();
})();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  REDIS_PREFIX: prefix,
  LOG_LEVEL: 'warn',
  PAYMENT_SIMULATED_LATENCY_MS: '50',
  WAITING_ROOM_EVERY_MS: '250',
};
// Latency ceilings are for a quiet box (README); here the run proves behaviour, not speed, on a
// machine shared with the rest of CI.
const NO_LATENCY_CEILINGS = {
  P99_HOLD_MS: '600000',
  P99_CHECKOUT_MS: '600000',
  P99_JOIN_MS: '600000',
  P99_STATUS_MS: '600000',
};
const runners: Array<'shim' | 'k6'> = k6OnPath() ? ['shim', 'k6'] : ['shim'];
const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
let stack: Awaited<ReturnType<typeof startStack>>;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tessera-k6-'));
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  if (!runners.includes('k6'))
    console.warn('k6 is not on PATH: the k6 suite runs through the Node shim only (k6/README.md)');
  stack = await startStack({ port: await freePort(4121, 4199), env });
}, 90_000);

afterAll(async () => {
  await stack?.stop();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await prisma.$disconnect();
  await dropDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

const setup = async (name: string, args: string[]) => {
  const file = path.join(dir, `${name}.json`);
  const result = await loadCommand('load-setup', ['--out', file, ...args], env);
  expect(result.code, result.stderr).toBe(0);
  return { file, fixture: JSON.parse(readFileSync(file, 'utf8')) as LoadFixture };
};

/** The same fixture in-process (the CLI is proven by the smoke test; this saves a tsx start). */
const setupInProcess = async (name: string, options: LoadFixtureOptions) => {
  const fixture = await createLoadFixture({ prisma, redis, redisPrefix: prefix, options });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(fixture));
  return { file, fixture };
};

/** The end of what the stack's API and worker logged, for a failed run's message. */
const stackLogTail = () => `--- API and worker log (end) ---\n${stack.logs.join('').slice(-6_000)}`;

const teardown = (file: string) => loadCommand('load-teardown', ['--fixture', file], env);

interface Summary {
  metrics: Record<
    string,
    { values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> }
  >;
}
const readSummary = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Summary;
const thresholdResults = (summary: Summary) =>
  Object.entries(summary.metrics).flatMap(([metric, m]) =>
    Object.entries(m.thresholds ?? {}).map(([expression, t]) => ({ metric, expression, ...t })),
  );

/** Seats sold on confirmed orders of the event, straight from Postgres. */
const soldSeats = (eventId: string) =>
  prisma.orderSeat.findMany({
    where: { eventId, status: 'SOLD', order: { status: 'CONFIRMED' } },
    select: { seatId: true, order: { select: { user: { select: { email: true } } } } },
  });

it('load:setup refuses bad arguments with a clear message and creates nothing', async () => {
  const loadUsers = () =>
    prisma.user.count({ where: { email: { endsWith: '@load.tessera.test' } } });
  const before = await loadUsers();
  const out = path.join(dir, 'refused.json');
  for (const [args, message] of [
    [['--fans', '0'], '--fans: Too small'],
    [['--fans', 'many'], '--fans: Invalid input'],
    [['--seats-per-row', '2'], '--seats-per-row: Too small'],
    [['--bogus', '1'], "Unknown option '--bogus'"],
  ] as const) {
    const result = await loadCommand('load-setup', ['--out', out, ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`load:setup: ${message}`);
  }
  expect(existsSync(out)).toBe(false);
  expect(await loadUsers()).toBe(before);
}, 60_000);

describe.each(runners)('k6 suite through %s', (runner) => {
  let smokeFixture: { file: string; fixture: LoadFixture };

  it('smoke.js: one fan buys tickets, every threshold passes, the summary is written, invariants hold', async () => {
    smokeFixture = await setup(`smoke-${runner}`, ['--fans', '1']);
    const summaryFile = path.join(dir, `smoke-${runner}-summary.json`);
    const run = await runK6Script(runner, 'smoke.js', {
      env: {
        BASE_URL: stack.baseUrl,
        FIXTURE: smokeFixture.file,
        SUMMARY_JSON: summaryFile,
        // Gives up well inside this test's timeout, so a fan never admitted fails with the
        // run's output (and the stack's log) instead of a bare timeout.
        MAX_QUEUE_SECONDS: '90',
      },
    });
    expect(run.code, `${run.stdout}\n${run.stderr}\n${stackLogTail()}`).toBe(0);
    expect(run.stdout).toContain('all thresholds passed');

    const sold = await soldSeats(smokeFixture.fixture.eventId);
    expect(sold.length).toBeGreaterThan(0);
    expect(new Set(sold.map((s) => s.order.user.email))).toEqual(
      new Set([smokeFixture.fixture.fans[0]!.email]),
    );
    const summary = readSummary(summaryFile);
    expect(summary.metrics.tickets_issued!.values.count).toBe(sold.length);
    expect(summary.metrics.invariants_ok!.values.rate).toBe(1);
    const thresholds = thresholdResults(summary);
    expect(thresholds.map((t) => t.metric)).toEqual(
      expect.arrayContaining(['oversold_seats', 'invariants_ok', 'journey_errors', 'checks']),
    );
    expect(thresholds.filter((t) => !t.ok)).toEqual([]);

    const check = await teardown(smokeFixture.file);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('all invariants hold');
  }, 180_000);

  it('load:teardown exits 1 and names the check when Redis and Postgres disagree', async () => {
    const { fixture, file } = smokeFixture;
    const sold = new Set((await soldSeats(fixture.eventId)).map((s) => s.seatId));
    const seatId = fixture.seatIds.find((id) => !sold.has(id))!;
    const seatsKey = eventKeys({ prefix, eventId: fixture.eventId }).seats;
    const before = await redis.hget(seatsKey, String(seatId));
    await redis.hset(seatsKey, String(seatId), 's');
    try {
      const check = await teardown(file);
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(/FAIL\s+sold-seats-agree/);
      expect(check.stdout).toContain('invariants FAILED');
    } finally {
      if (before === null) await redis.hdel(seatsKey, String(seatId));
      else await redis.hset(seatsKey, String(seatId), before);
    }
  }, 60_000);

  it('spike.js with 20 fans: conflicts, declines and abandons happen, nothing is oversold, invariants hold', async () => {
    const { file, fixture } = await setupInProcess(`spike-${runner}`, {
      fans: 20,
      admitPerMinute: 1200,
    });
    const summaryFile = path.join(dir, `spike-${runner}-summary.json`);
    const run = await runK6Script(runner, 'spike.js', {
      env: {
        BASE_URL: stack.baseUrl,
        FIXTURE: file,
        SUMMARY_JSON: summaryFile,
        ...NO_LATENCY_CEILINGS,
        // Real k6 only: a spike of about 14 arrivals; the shim runs 20 iterations on 10 VUs.
        SPIKE_PEAK_RATE: '2',
        SPIKE_RAMP: '2s',
        SPIKE_HOLD: '5s',
      },
      shimArgs: ['--iterations', '20', '--vus', '10'],
    });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);

    const summary = readSummary(summaryFile);
    const sold = await soldSeats(fixture.eventId);
    expect(sold.length).toBeGreaterThan(0);
    expect(new Set(sold.map((s) => s.seatId)).size).toBe(sold.length);
    expect(summary.metrics.tickets_issued!.values.count).toBe(sold.length);
    expect(summary.metrics.oversold_seats!.values.count).toBe(0);
    expect(summary.metrics.hold_conflicts!.values.passes).toBeGreaterThan(0);
    expect(summary.metrics.cards_declined!.values.count).toBeGreaterThan(0);
    expect(summary.metrics.fan_abandoned!.values.count).toBeGreaterThan(0);
    expect(summary.metrics.fan_time_in_queue!.values.max).toBeGreaterThan(0);
    expect(thresholdResults(summary).filter((t) => !t.ok)).toEqual([]);

    const store = { prisma, redis, prefix };
    await reconcileEvent({ ...store, eventId: fixture.eventId });
    const report = await checkInvariants({ ...store, eventIds: [fixture.eventId] });
    expect(report.events[0]?.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  }, 240_000);

  it('a threshold the run cannot meet fails it with exit code 99, and only that threshold', async () => {
    const { file } = await setupInProcess(`impossible-${runner}`, { fans: 3 });
    const summaryFile = path.join(dir, `impossible-${runner}-summary.json`);
    const run = await runK6Script(runner, 'spike.js', {
      env: {
        BASE_URL: stack.baseUrl,
        FIXTURE: file,
        SUMMARY_JSON: summaryFile,
        ...NO_LATENCY_CEILINGS,
        P99_HOLD_MS: '0',
        SPIKE_PEAK_RATE: '1',
        SPIKE_RAMP: '1s',
        SPIKE_HOLD: '1s',
      },
      shimArgs: ['--iterations', '1', '--vus', '1'],
    });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(99);
    const summary = readSummary(summaryFile);
    expect(summary.metrics.tickets_issued!.values.count).toBeGreaterThan(0);
    expect(thresholdResults(summary).filter((t) => !t.ok)).toEqual([
      { metric: 'hold_latency', expression: 'p(99)<0', ok: false },
    ]);
  }, 180_000);
});
