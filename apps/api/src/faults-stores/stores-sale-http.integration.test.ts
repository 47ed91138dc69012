// Store faults during a running flash sale over real HTTP: PRIVATE Postgres (5210) and Redis (5211)
// this test may restart or lock, two API replicas behind nginx (5212; replicas 5213–5214) and the
// real worker (metrics 5215), all from faults/fault-stack.ts. One sale per fault, FAULT_FANS fans
// (default 240) for 200 seats through the waiting room (faults/sale-driver.ts: transport errors and
// 502/503/504 retried with the same idempotency key, a lost queue place joined again).
// Once 25 fans hold seats the fault is injected; after the sale the worker drains and each fault
// must leave: nothing sold twice, every acknowledged sale a confirmed order, invariants passing,
// the seat map equal to Postgres + Redis, and no 500. Prints one report per fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { drainAndVerify, expectConverged } from '../faults/drain-and-verify.ts';
import { startFaultStack, type FaultStack } from '../faults/fault-stack.ts';
import { faultReportLines } from '../faults/report-lines.ts';
import { launchSale } from '../faults/run-sale.ts';
import { faultReport } from '../faults/sale-driver.ts';
import {
  startPrivatePostgres,
  startPrivateRedis,
  type PrivatePostgres,
  type PrivateRedis,
} from './private-stores.ts';

const FANS = Number(process.env.FAULT_FANS ?? 200);
const HOLDING_AT_FAULT = 25;
const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let postgres: PrivatePostgres | undefined;
let redisServer: PrivateRedis | undefined;
let harness: FaultStack | undefined;

beforeAll(async () => {
  [postgres, redisServer] = await Promise.all([
    startPrivatePostgres(5210),
    startPrivateRedis(5211),
  ]);
  harness = await startFaultStack({
    port: 5212,
    workerMetricsPort: 5215,
    databaseUrl: postgres.url,
    redisUrl: redisServer.url,
    fans: FANS,
    label: 'faults-stores-http',
    env: {
      // A statement stuck behind a lock gives up after 1 s (default 5 s) and answers 503.
      DATABASE_LOCK_TIMEOUT_MS: '1000',
    },
  });
}, 240_000);

afterAll(async () => {
  await harness?.close();
  await Promise.all([postgres?.stop(), redisServer?.stop()]);
});

/** One sale with `inject` run once fans hold seats; returns what the fault tests assert on. */
const saleWithFault = async (fault: string, inject: () => Promise<void>) => {
  const h = harness!;
  const fixture = await h.nextSale();
  const run = launchSale({
    baseUrl: h.stack.url,
    fixture,
    fans: FANS,
    retries: 20,
    timeoutMs: 90_000,
  });
  await run.holding(HOLDING_AT_FAULT);
  const faultAt = Date.now();
  await inject();
  const seconds = await run.finished();
  const { sale } = run;
  const verdict = await drainAndVerify({
    prisma: h.prisma,
    redis: h.redis,
    redisPrefix: h.redisPrefix,
    eventId: fixture.eventId,
    baseUrl: h.stack.url,
    acknowledged: sale.acknowledged,
  });
  print(faultReportLines({ fault, sale, faultAt, seconds, verdict }));
  const report = faultReport(sale.timeline, faultAt);
  // No answer was a 500 (or any 5xx but a retryable 503), and no fan's journey ended on one.
  expect(Object.keys(sale.stats.serverErrors).filter((k) => !k.endsWith(':503'))).toEqual([]);
  expect(
    Object.keys(sale.outcomes).filter((k) =>
      /HTTP_5|TRANSPORT|SERVICE_UNAVAILABLE|INTERNAL/.test(k),
    ),
  ).toEqual([]);
  expectConverged(verdict, sale.acknowledged);
  return { sale, report, verdict };
};

describe('store faults during a flash sale over HTTP', () => {
  it('Redis restarted empty: 503s while it is down, rebuilt from Postgres, nothing sold twice, no 500', async () => {
    const { report } = await saleWithFault('Redis restarted empty mid-sale', async () => {
      await redisServer!.kill();
      await sleep(500);
      await redisServer!.start();
    });
    // Fans were refused with the retryable 503 while Redis was away.
    expect(Object.keys(report.errorsSeen).some((k) => k.endsWith(':503'))).toBe(true);
  }, 240_000);

  it('Postgres restarted: every acknowledged sale committed, pays in flight retried to an answer, no 500', async () => {
    const { sale, report, verdict } = await saleWithFault('Postgres restarted mid-sale', () =>
      postgres!.restart(),
    );
    expect(report.errorsSeen['checkout.pay:503'] ?? 0).toBeGreaterThan(0);
    // A confirmed order its fan was not told about can only come from a pay still unsettled when
    // the fan stopped asking (finished by the worker's payment recovery).
    const unsettled = (sale.outcomes['pay:PENDING'] ?? 0) + (sale.outcomes['pay:CONFLICT'] ?? 0);
    expect(verdict.eventOrders - sale.acknowledged.length).toBeLessThanOrEqual(unsettled);
  }, 240_000);

  it('orders locked for 3 s: pays answer 503 after the 1 s lock timeout instead of piling up, then sell', async () => {
    const { report } = await saleWithFault('orders table locked 3 s mid-sale', async () => {
      const locker = new pg.Client({ connectionString: postgres!.url });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE orders IN ACCESS EXCLUSIVE MODE');
      await sleep(3_000);
      await locker.query('COMMIT');
      await locker.end();
    });
    expect(report.errorsSeen['checkout.pay:503'] ?? 0).toBeGreaterThan(0);
  }, 240_000);
});
