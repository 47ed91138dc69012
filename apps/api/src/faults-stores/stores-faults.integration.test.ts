// Store faults during a sale, on PRIVATE Postgres (5201) and Redis (5202) servers this test may
// restart: Redis restarted empty, Postgres restarted, a lock holding Postgres for seconds, a slow
// payment provider. After each: the invariant checker passes, every sale a fan was told about is
// in Postgres, and nothing is sold twice. Prints one report line per fault.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { checkInvariants } from '@tessera/core/invariants/check-invariants';
import { recoverStalePayments } from '@tessera/core/checkout/recover-payments';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import { publishWindow } from '@tessera/core/waiting-room/publish-window';
import {
  createCallers,
  createFan,
  createSaleEvent,
  SUCCESS_CARD,
} from '../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../testing/test-app.ts';
import { createFaultReport, retryWhileUnavailable } from './fault-fans.ts';
import {
  startPrivatePostgres,
  startPrivateRedis,
  type PrivatePostgres,
  type PrivateRedis,
} from './private-stores.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let postgres: PrivatePostgres;
let redisServer: PrivateRedis;
let testApp: TestApp;

/** A provider that answers after `delayMs` (the simulated processor underneath). */
const slowProvider = (delayMs: number): PaymentProvider => {
  const inner = createSimulatedCardProcessor({ latencyMs: 0 });
  return {
    name: inner.name,
    charge: async (request) => (await sleep(delayMs), inner.charge(request)),
    refund: (options) => inner.refund(options),
    findCharge: inner.findCharge && ((id) => inner.findCharge!(id)),
  };
};

beforeAll(async () => {
  [postgres, redisServer] = await Promise.all([
    startPrivatePostgres(5201),
    startPrivateRedis(5202),
  ]);
  const base = testConfig();
  testApp = await startTestApp({
    databaseUrl: postgres.url,
    redisUrl: redisServer.url,
    catalogCache: { ...base.catalogCache, redisUrl: redisServer.url },
    checkout: { ...base.checkout, paymentLatencyMs: 100 },
    // DATABASE_LOCK_TIMEOUT_MS: a statement stuck behind a lock gives up after 1 s (default 5 s).
    databaseTimeouts: { ...base.databaseTimeouts, lockMs: 1_000 },
  });
}, 60_000);

afterAll(async () => {
  await testApp?.close().catch(() => undefined);
  await Promise.all([postgres?.stop(), redisServer?.stop()]);
});

const sale = async ({
  provider,
  holdTtlMs,
}: { provider?: PaymentProvider; holdTtlMs?: number } = {}) => {
  const event = await createSaleEvent({ testApp, seatsPerRow: 8 });
  const { config } = testApp;
  const checkout = { ...config.checkout, holdTtlMs: holdTtlMs ?? config.checkout.holdTtlMs };
  const callers = createCallers({ ...testApp, config: { ...config, checkout } }, provider);
  callers.deps.checkout.paymentLeaseMs = 500; // a dead pay attempt may be taken over quickly
  const eventId = event.event.id;
  const fan = async () => {
    const f = await createFan(testApp);
    // A fresh context per call, as over HTTP (a context remembers its session lookup).
    return {
      ...f,
      get api() {
        return callers.as(f);
      },
    };
  };
  const store = {
    prisma: testApp.prisma,
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
  };
  /** Drains the worker's jobs in-process: reconcile Redis into Postgres, then check invariants. */
  const confirmedSeats = async () =>
    (
      await testApp.prisma.orderSeat.findMany({
        where: { eventId, soldGuard: true, order: { status: 'CONFIRMED' } },
        select: { seatId: true, orderId: true },
      })
    ).map((s) => s.seatId);
  /**
   * Drains the worker's jobs in-process (payment recovery, Redis → Postgres reconciliation), then
   * checks the invariants and that the seat map a fan loads shows sold exactly what Postgres sold.
   */
  const drainAndCheck = async () => {
    await recoverStalePayments(callers.deps.checkout);
    await reconcileEvent({ ...store, eventId });
    const report = await checkInvariants({ ...store, eventIds: [eventId] });
    const map = await callers.anonymous().seats.snapshot({ eventId });
    const soldOnMap = map.seatIds.filter((_, i) => map.statuses[i] === 's').sort();
    const soldInPostgres = (await confirmedSeats()).sort();
    return { ok: report.ok && soldOnMap.join() === soldInPostgres.join(), report };
  };
  return { ...event, eventId, callers, store, fan, drainAndCheck, confirmedSeats };
};

/** Four fans, each holding two neighbouring seats of row B (no single seat left stranded). */
const holdPairs = async (s: Awaited<ReturnType<typeof sale>>) => {
  const fans = await Promise.all([0, 1, 2, 3].map(() => s.fan()));
  const holds = await Promise.all(
    fans.map((f, i) =>
      f.api.holds.create({ eventId: s.eventId, seatIds: s.rowB.slice(2 * i, 2 * i + 2) }),
    ),
  );
  return { fans, holds };
};

const payWith = (key = randomUUID()) => ({ paymentMethod: SUCCESS_CARD, idempotencyKey: key });

describe('store faults mid-sale', () => {
  it('Redis restarted empty: rebuilt from Postgres, sold and reconciled seats stay taken, lost holds fail cleanly at pay', async () => {
    const s = await sale();
    const report = createFaultReport('redis-restarted-empty');
    const [buyer, reconciled, unreconciled] = [await s.fan(), await s.fan(), await s.fan()];
    const rivals = await Promise.all(Array.from({ length: 12 }, () => s.fan()));
    const sold = s.rowA.slice(0, 2);
    const kept = s.rowA.slice(2, 4);
    const lost = s.rowA.slice(4, 6);

    const bought = await buyer.api.holds.create({ eventId: s.eventId, seatIds: sold });
    const paid = await buyer.api.checkout.pay({ holdId: bought.id, ...payWith() });
    expect(paid.status).toBe('SUCCEEDED');
    const keptHold = await reconciled.api.holds.create({ eventId: s.eventId, seatIds: kept });
    // This fan's reconciled hold is paid for while Redis goes away (retrying 503 with one key).
    const inFlight = await s.fan();
    const inFlightSeats = s.rowB.slice(0, 2);
    const inFlightHold = await inFlight.api.holds.create({
      eventId: s.eventId,
      seatIds: inFlightSeats,
    });
    await s.drainAndCheck(); // the worker has mirrored everything so far into Postgres
    const lostHold = await unreconciled.api.holds.create({ eventId: s.eventId, seatIds: lost });

    // Redis goes away; fans keep trying while it is down and after it is back empty.
    // The pay starts (simulated processor: 100 ms) just before Redis goes away.
    const inFlightRequest = { holdId: inFlightHold.id, ...payWith() };
    const paying = (async () => {
      let outcome = await report.call(() => inFlight.api.checkout.pay(inFlightRequest));
      for (let i = 0; i < 60 && outcome.data?.status !== 'SUCCEEDED'; i++) {
        await sleep(150);
        outcome = await report.call(() => inFlight.api.checkout.pay(inFlightRequest));
      }
      return outcome;
    })();
    report.faultStarted();
    await sleep(20);
    await redisServer.kill();
    const downFor = sleep(400).then(() => redisServer.start());
    const rivalSeats: number[] = [];
    const [inFlightPay] = await Promise.all([
      paying,
      downFor,
      ...rivals.map(async (rival, index) => {
        const wanted = [...sold, ...kept, ...lost, s.rowA[6]!, s.rowA[7]!][index % 8]!;
        const hold = await retryWhileUnavailable(() =>
          report.call(() =>
            index % 3 === 0
              ? rival.api.holds.create({ eventId: s.eventId, quantity: 1 })
              : rival.api.holds.create({ eventId: s.eventId, seatIds: [wanted] }),
          ),
        );
        if (hold.data) {
          report.succeeded();
          rivalSeats.push(...hold.data.seats.map((seat) => seat.seatId));
        }
      }),
    ]);
    const keptPay = await retryWhileUnavailable(() =>
      report.call(() => reconciled.api.checkout.pay({ holdId: keptHold.id, ...payWith() })),
    );
    const lostPay = await retryWhileUnavailable(() =>
      report.call(() => unreconciled.api.checkout.pay({ holdId: lostHold.id, ...payWith() })),
    );
    const check = await s.drainAndCheck();
    print(report.line());

    // Nothing a fan bought, and no reconciled hold, went to a rival after the rebuild.
    expect(rivalSeats.filter((id) => sold.includes(id) || kept.includes(id))).toEqual([]);
    // The payment in flight across the restart ends in a sale, confirmed in Postgres.
    expect(inFlightPay.data?.status).toBe('SUCCEEDED');
    expect(rivalSeats.filter((id) => inFlightSeats.includes(id))).toEqual([]);
    expect(keptPay.data?.status).toBe('SUCCEEDED');
    // The unreconciled hold is gone (DESIGN 2.3): its fan is told so, never charged.
    expect(lostPay).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await testApp.prisma.payment.count({ where: { holdId: lostHold.id } })).toBe(0);
    expect(report.serverErrors()).toEqual([]);
    expect(rivalSeats.length).toBeGreaterThan(0);
    const confirmed = await s.confirmedSeats();
    expect(confirmed.sort()).toEqual([...sold, ...kept, ...inFlightSeats].sort());
    expect(check.ok).toBe(true);
  }, 60_000);

  it('Redis restarted empty during a waiting-room window: holds still need an admission pass', async () => {
    const s = await sale();
    const report = createFaultReport('redis-restarted-waiting-room');
    const window = await testApp.prisma.onSaleWindow.create({
      data: {
        eventId: s.eventId,
        name: 'General sale',
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 3_600_000),
        status: 'OPEN',
        admissionRatePerMinute: 60,
      },
    });
    await publishWindow({ ...s.store, windowId: window.id }); // as the admin's schedule call does
    const fan = await s.fan();
    const tryHold = () =>
      report.call(() => fan.api.holds.create({ eventId: s.eventId, quantity: 1 }));
    const before = await tryHold();
    report.faultStarted();
    await redisServer.kill();
    await redisServer.start();
    // No worker runs here: nothing but the rebuild itself can put the gate back.
    const after = await retryWhileUnavailable(tryHold);
    if (after.status !== 503) report.succeeded();
    print(report.line());
    expect(before).toMatchObject({ status: 403, code: 'ADMISSION_REQUIRED' });
    expect(after).toMatchObject({ status: 403, code: 'ADMISSION_REQUIRED' });
    expect(report.serverErrors()).toEqual([]);
  }, 30_000);

  it('Postgres restarted while fans pay: every SUCCEEDED answer has a committed order, none confirmed without one', async () => {
    const s = await sale();
    const report = createFaultReport('postgres-restarted');
    const { fans, holds } = await holdPairs(s);
    report.faultStarted();
    const restart = sleep(50).then(() => postgres.restart());
    const answers = await Promise.all([
      restart,
      ...fans.map(async (f, i) => {
        const request = { holdId: holds[i]!.id, ...payWith() };
        // A fan retries 503 and "still in progress" with the same key until a final answer.
        for (let attempt = 0; attempt < 80; attempt++) {
          const outcome = await report.call(() => f.api.checkout.pay(request));
          if (outcome.data && outcome.data.status !== 'PENDING') {
            report.succeeded();
            return outcome.data;
          }
          await sleep(150);
        }
        return null;
      }),
    ]);
    const paid = answers.slice(1);
    const check = await s.drainAndCheck();
    print(report.line());

    expect(paid.every((answer) => answer !== null)).toBe(true);
    const succeeded = paid.filter((answer) => answer?.status === 'SUCCEEDED');
    const orders = await testApp.prisma.order.findMany({
      where: { id: { in: succeeded.map((answer) => answer!.orderId!) }, status: 'CONFIRMED' },
    });
    expect(orders).toHaveLength(succeeded.length);
    // Every confirmed seat in Postgres belongs to an order reported to its fan as SUCCEEDED.
    const reported = await testApp.prisma.orderSeat.count({
      where: { orderId: { in: orders.map((order) => order.id) }, soldGuard: true },
    });
    expect((await s.confirmedSeats()).length).toBe(reported);
    expect(succeeded.length).toBeGreaterThan(0);
    expect(report.serverErrors()).toEqual([]);
    expect(check.ok).toBe(true);
  }, 90_000);

  it('slow payment provider: the paying fan keeps their seats past the hold TTL; rivals are refused', async () => {
    // Holds last 500 ms unless extended; paying extends them by 5 s; the provider takes 1.5 s.
    const s = await sale({ provider: slowProvider(1_500), holdTtlMs: 500 });
    s.callers.deps.checkout.holdExtensionMs = 5_000;
    const report = createFaultReport('slow-payment-provider');
    const payer = await s.fan();
    const rival = await s.fan();
    const payerApi = payer.api;
    const seats = s.rowA.slice(0, 2);
    const hold = await payerApi.holds.create({ eventId: s.eventId, seatIds: seats });
    report.faultStarted();
    const payment = payerApi.checkout.pay({ holdId: hold.id, ...payWith() });
    let rivalTries = 0;
    let settled = false;
    void payment.finally(() => (settled = true));
    while (!settled) {
      rivalTries++;
      const attempt = await report.call(() =>
        rival.api.holds.create({ eventId: s.eventId, seatIds: [seats[rivalTries % 2]!] }),
      );
      expect(attempt.status).toBe(409);
      await sleep(100);
    }
    const paid = await payment;
    report.succeeded();
    const check = await s.drainAndCheck();
    print(report.line());
    expect(paid.status).toBe('SUCCEEDED');
    expect(rivalTries).toBeGreaterThan(5);
    expect((await s.confirmedSeats()).sort()).toEqual([...seats].sort());
    expect(check.ok).toBe(true);
  }, 30_000);

  it('payment provider hanging: pay answers 503 at the charge timeout, the seats stay held, the retry finishes it once', async () => {
    // The processor hangs 3 s on its first charge; the API stops waiting after 300 ms.
    const inner = createSimulatedCardProcessor({ latencyMs: 0 });
    let charges = 0;
    const hanging: PaymentProvider = {
      ...inner,
      name: inner.name,
      charge: async (request) => {
        if (charges++ === 0) await sleep(3_000);
        return inner.charge(request);
      },
    };
    const s = await sale({ provider: hanging, holdTtlMs: 500 });
    Object.assign(s.callers.deps.checkout, { holdExtensionMs: 10_000, chargeTimeoutMs: 300 });
    const report = createFaultReport('payment-provider-hanging');
    const [payer, rival] = [await s.fan(), await s.fan()];
    const seats = s.rowA.slice(0, 2);
    const hold = await payer.api.holds.create({ eventId: s.eventId, seatIds: seats });
    const request = { holdId: hold.id, ...payWith() };
    report.faultStarted();
    const first = await report.call(() => payer.api.checkout.pay(request));
    // Past the hold's own TTL: the extension made at payment start still protects it.
    await sleep(600);
    const rivalHold = await report.call(() =>
      rival.api.holds.create({ eventId: s.eventId, seatIds: seats }),
    );
    let final = first;
    for (let i = 0; i < 40 && final.data?.status !== 'SUCCEEDED'; i++) {
      await sleep(150);
      final = await report.call(() => payer.api.checkout.pay(request));
    }
    report.succeeded();
    const check = await s.drainAndCheck();
    print(report.line());
    expect(first).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(rivalHold).toMatchObject({ status: 409, code: 'SEAT_TAKEN' });
    expect(final.data?.status).toBe('SUCCEEDED');
    expect(await testApp.prisma.payment.count({ where: { holdId: hold.id } })).toBe(1);
    expect(inner.refunds.size).toBe(0);
    expect((await s.confirmedSeats()).sort()).toEqual([...seats].sort());
    expect(report.serverErrors()).toEqual([]);
    expect(check.ok).toBe(true);
  }, 30_000);

  it('slow Postgres (orders table locked for 4 s): pays answer 503 after the lock timeout instead of piling up, then all finish', async () => {
    const s = await sale();
    const report = createFaultReport('slow-postgres-lock');
    const { fans, holds } = await holdPairs(s);
    const locker = new pg.Client({ connectionString: postgres.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE orders IN ACCESS EXCLUSIVE MODE');
    report.faultStarted();
    const unlock = sleep(4_000).then(async () => {
      await locker.query('COMMIT');
      await locker.end();
    });
    const answers = await Promise.all(
      fans.map(async (f, i) => {
        const request = { holdId: holds[i]!.id, ...payWith() };
        for (let attempt = 0; attempt < 80; attempt++) {
          const outcome = await report.call(() => f.api.checkout.pay(request));
          if (outcome.data && outcome.data.status !== 'PENDING') {
            report.succeeded();
            return outcome.data;
          }
          await sleep(150);
        }
        return null;
      }),
    );
    await unlock;
    const check = await s.drainAndCheck();
    print(report.line());
    expect(answers.map((answer) => answer?.status)).toEqual(answers.map(() => 'SUCCEEDED'));
    expect(report.statuses['503:SERVICE_UNAVAILABLE']).toBeGreaterThan(0);
    expect((await s.confirmedSeats()).sort()).toEqual([...s.rowB].sort());
    expect(report.serverErrors()).toEqual([]);
    expect(check.ok).toBe(true);
  }, 60_000);
});
