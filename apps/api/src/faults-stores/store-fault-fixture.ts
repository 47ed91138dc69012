// The in-process store-fault tests' fixture: the API built in this process (startTestApp) against a
// private Postgres or Redis the test may restart, or the shared test stores; a small sale (two rows
// of seats), fans calling it through tRPC callers with a fresh context per call (as over HTTP),
// and a drain that runs the worker's jobs in-process, then checks invariants and the seat map.
import { randomUUID } from 'node:crypto';
import { checkInvariants } from '@tessera/core/invariants/check-invariants';
import { recoverStalePayments } from '@tessera/core/checkout/recover-payments';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import type { ApiConfig } from '../env.ts';
import {
  createCallers,
  createFan,
  createSaleEvent,
  SUCCESS_CARD,
} from '../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../testing/test-app.ts';

/** The app with a 100 ms simulated processor, against the given stores (default: the test's). */
export const startFaultApp = ({
  databaseUrl,
  redisUrl,
  overrides = {},
}: {
  databaseUrl?: string;
  redisUrl?: string;
  overrides?: Partial<ApiConfig>;
}) => {
  const base = testConfig();
  return startTestApp({
    ...(databaseUrl && { databaseUrl }),
    ...(redisUrl && {
      redisUrl,
      catalogCache: { ...base.catalogCache, redisUrl },
    }),
    checkout: { ...base.checkout, paymentLatencyMs: 100 },
    ...overrides,
  });
};

export const payWith = (key = randomUUID()) => ({
  paymentMethod: SUCCESS_CARD,
  idempotencyKey: key,
});

/** A published event with rows A and B of 8 seats, and helpers to buy from it and check it. */
export const createFaultSale = async (
  testApp: TestApp,
  { provider, holdTtlMs }: { provider?: PaymentProvider; holdTtlMs?: number } = {},
) => {
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
  const store = { prisma: testApp.prisma, redis: testApp.redis, prefix: config.redisPrefix };
  const confirmedSeats = async () =>
    (
      await testApp.prisma.orderSeat.findMany({
        where: { eventId, soldGuard: true, order: { status: 'CONFIRMED' } },
        select: { seatId: true },
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

export type FaultSale = Awaited<ReturnType<typeof createFaultSale>>;
