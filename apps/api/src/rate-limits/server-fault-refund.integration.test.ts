// A call the server fails (5xx) gives its rate-limit point back: a fan retrying our 503s keeps the
// whole budget for when the service is back, while calls that were the fan's own (a declined card,
// a held seat) still spend it. The 503s are real: a table the call needs is locked past the API's
// lock_timeout, as when Postgres is stuck behind a long migration or a hot row.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@tessera/db/client';
import { createFan, createSaleEvent, DECLINE_CARD } from '../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../testing/test-app.ts';
import { callHttp } from '../access/access-http.ts';

const BUDGET = 3;
const FAILED_CALLS = 5;
const limit = { perAccount: BUDGET, windowSeconds: 60 };

let testApp: TestApp;
// A connection of its own that locks tables the way a stuck migration would.
const locker = createPrismaClient({ databaseUrl: process.env.DATABASE_URL! });

beforeAll(async () => {
  const base = testConfig();
  testApp = await startTestApp({
    rateLimits: { ...base.rateLimits, hold: limit, pay: limit },
    // A locked table answers 503 after 300 ms instead of the production 5 s.
    databaseTimeouts: { ...base.databaseTimeouts, lockMs: 300 },
    // Sale info read from Postgres on every hold, so a locked events table reaches holds.create.
    checkout: { ...base.checkout, saleInfoCacheMs: 0, paymentLatencyMs: 0 },
  });
});

afterAll(async () => {
  await testApp.close();
  await locker.$disconnect();
});

/** Runs `calls` while `table` is locked (ACCESS EXCLUSIVE) by another connection. */
const whileLocked = async <T>(table: 'events' | 'idempotency_records', calls: () => Promise<T>) => {
  let unlock = () => {};
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const held = locker.$transaction(
    async (tx) => {
      // Table names cannot be parameters; both are constants of this file.
      if (table === 'events') await tx.$executeRaw`LOCK TABLE events IN ACCESS EXCLUSIVE MODE`;
      else await tx.$executeRaw`LOCK TABLE idempotency_records IN ACCESS EXCLUSIVE MODE`;
      locked();
      await new Promise<void>((resolve) => (unlock = resolve));
    },
    { timeout: 60_000 },
  );
  await isLocked;
  try {
    return await calls();
  } finally {
    unlock();
    await held;
  }
};

const inSequence = async <T>(count: number, call: (n: number) => Promise<T>) => {
  const results: T[] = [];
  for (let n = 0; n < count; n += 1) results.push(await call(n));
  return results;
};

describe('rate-limit points given back on 5xx', () => {
  it('holds.create: a fan who got 503s still has the full budget; the next call past it is 429', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = await createFan(testApp);
    const hold = (seatId: number) =>
      callHttp(testApp, 'mutation', 'holds.create', {
        token: fan.token,
        input: { eventId: sale.event.id, seatIds: [seatId], idempotencyKey: randomUUID() },
      });

    const failed = await whileLocked('events', () =>
      inSequence(FAILED_CALLS, (n) => hold(sale.rowA[n]!)),
    );
    expect(failed.map((r) => r.status)).toEqual(Array(FAILED_CALLS).fill(503));

    const served = await inSequence(BUDGET, (n) => hold(sale.rowA[n]!));
    expect(served.map((r) => r.status)).toEqual(Array(BUDGET).fill(200));
    const refused = await hold(sale.rowA[BUDGET]!);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('checkout.pay: 503s cost nothing, declined cards (the fan’s own outcome) spend the budget', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = await createFan(testApp);
    const held = await callHttp(testApp, 'mutation', 'holds.create', {
      token: fan.token,
      input: { eventId: sale.event.id, quantity: 1, idempotencyKey: randomUUID() },
    });
    expect(held.status).toBe(200);
    const holdId = (held.data as { id: string }).id;
    const pay = () =>
      callHttp(testApp, 'mutation', 'checkout.pay', {
        token: fan.token,
        input: { holdId, paymentMethod: DECLINE_CARD, idempotencyKey: randomUUID() },
      });

    const failed = await whileLocked('idempotency_records', () => inSequence(FAILED_CALLS, pay));
    expect(failed.map((r) => r.status)).toEqual(Array(FAILED_CALLS).fill(503));
    expect(await testApp.prisma.payment.count({ where: { userId: fan.user.id } })).toBe(0);

    const declined = await inSequence(BUDGET, pay);
    expect(declined.map((r) => [r.status, (r.data as { status: string }).status])).toEqual(
      Array(BUDGET).fill([200, 'DECLINED']),
    );
    expect((await pay()).status).toBe(429);
  });
});
