// A pay attempt that dies part-way (injected by a provider or Redis wrapper that throws once at a
// chosen step; Postgres and Redis are real) is finished by a retry with the same key or by the
// worker's sweep: one order, one charge, seats sold on both sides, invariants hold, nothing refunded
// that was sold, and a dead claim without a payment gives its key back.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { resumePayment } from '@tessera/core/checkout/resume-payment';
import { recoverStalePayments } from '@tessera/core/checkout/recover-payments';
import { takeOverPayment } from '@tessera/core/checkout/payment-lease';
import { eventKeys } from '@tessera/core/holds/keys';
import { checkEventInvariants } from '@tessera/core/invariants/check-event-invariants';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import {
  createCallers,
  createFan,
  createSaleEvent,
  SUCCESS_CARD,
} from '../../../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../../../testing/test-app.ts';

const LEASE_MS = 5_000;
let testApp: TestApp;
let sale: Awaited<ReturnType<typeof createSaleEvent>>;

/** The simulated processor, counting charges per payment id and refunds, that can fail once. */
const faultyProvider = () => {
  const simulated = createSimulatedCardProcessor({ latencyMs: 0 });
  const state = {
    charges: [] as string[],
    refunds: [] as string[],
    /** 'before': throws instead of charging; 'after': charges, then the reply is lost. */
    failNextCharge: null as null | 'before' | 'after',
  };
  const provider: PaymentProvider = {
    name: simulated.name,
    async charge(request) {
      if (state.failNextCharge === 'before') {
        state.failNextCharge = null;
        throw new Error('injected: provider unreachable');
      }
      state.charges.push(request.paymentId);
      const charged = await simulated.charge(request);
      if (state.failNextCharge === 'after') {
        state.failNextCharge = null;
        throw new Error('injected: charge reply lost');
      }
      return charged;
    },
    findCharge: (paymentId) => simulated.findCharge!(paymentId),
    async refund(options) {
      state.refunds.push(options.providerRef);
      await simulated.refund(options);
    },
  };
  return { provider, state };
};

/** The real Redis connection, except that the next sellHold script call throws once. */
const redisFailingNextSell = (redis: Redis) => {
  let armed = true;
  return new Proxy(redis, {
    get(target, prop) {
      if (prop === 'tesseraSell_v1' && armed) {
        armed = false;
        return () => Promise.reject(new Error('injected: Redis went away during sellHold'));
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
};

beforeAll(async () => {
  testApp = await startTestApp({ checkout: { ...testConfig().checkout, paymentLatencyMs: 0 } });
  sale = await createSaleEvent({ testApp, seatsPerRow: 12 });
});

afterAll(async () => {
  await testApp.close();
});

const setup = async (redis?: Redis) => {
  const { provider, state } = faultyProvider();
  const callers = createCallers(testApp, provider);
  Object.assign(callers.deps.checkout, { paymentLeaseMs: LEASE_MS });
  if (redis) Object.assign(callers.deps.checkout, { redis });
  const fanRecord = await createFan(testApp);
  return { callers, fan: callers.as(fanRecord), userId: fanRecord.user.id, provider, state };
};

/** The dead attempt's rows look as old as the lease: what the clock would do, without sleeping. */
const ageAttempt = async (userId: string, key: string) => {
  await testApp.prisma.$executeRaw`
    UPDATE payments SET updated_at = now() - interval '1 hour'
    WHERE user_id = ${userId}::uuid AND idempotency_key = ${key}`;
  await testApp.prisma.$executeRaw`
    UPDATE idempotency_records SET created_at = now() - interval '1 hour'
    WHERE user_id = ${userId}::uuid AND key = ${key}`;
};

const redisSeats = (seatIds: number[]) =>
  testApp.redis.hmget(
    eventKeys({ prefix: testApp.config.redisPrefix, eventId: sale.event.id }).seats,
    ...seatIds.map(String),
  );

const expectSoldOnce = async (holdId: string, seatIds: number[]) => {
  const orders = await testApp.prisma.order.findMany({ where: { holdId } });
  expect(orders).toHaveLength(1);
  expect(orders[0]!.status).toBe('CONFIRMED');
  const sold = await testApp.prisma.orderSeat.count({
    where: { eventId: sale.event.id, seatId: { in: seatIds }, soldGuard: true },
  });
  expect(sold).toBe(seatIds.length);
  expect(await redisSeats(seatIds)).toEqual(seatIds.map(() => 's'));
  const report = await checkEventInvariants({
    prisma: testApp.prisma,
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
    eventId: sale.event.id,
  });
  // Held seats agree only once the worker reconciles (none runs here); sales must agree now.
  const failing = report?.checks.filter((check) => !check.ok && check.name !== 'held-seats-agree');
  expect(failing).toEqual([]);
  return orders[0]!;
};

const pay = (fan: Awaited<ReturnType<typeof setup>>['fan'], holdId: string, key: string) =>
  fan.checkout.pay({ holdId, paymentMethod: SUCCESS_CARD, idempotencyKey: key });

describe('checkout recovery', () => {
  it('a retry with the same key takes over an attempt that died after charging: one order, one charge', async () => {
    const { fan, userId, state } = await setup();
    const seatIds = sale.rowA.slice(0, 2);
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    const key = randomUUID();
    state.failNextCharge = 'after';
    await expect(pay(fan, hold.id, key)).rejects.toThrow();

    // Within the lease the first attempt may still be alive: the retry only reports it.
    const early = await pay(fan, hold.id, key);
    expect(early.status).toBe('PENDING');

    await ageAttempt(userId, key);
    const retried = await pay(fan, hold.id, key);
    expect(retried).toMatchObject({ status: 'SUCCEEDED', orderId: expect.any(String) });
    expect(new Set(state.charges)).toEqual(new Set([retried.paymentId]));
    expect(state.refunds).toEqual([]);
    const order = await expectSoldOnce(hold.id, seatIds);
    expect(order.id).toBe(retried.orderId);
    expect(await fan.checkout.status({ paymentId: retried.paymentId })).toMatchObject({
      status: 'SUCCEEDED',
      orderId: order.id,
    });
    // The key is completed: a later retry replays the same answer.
    expect(await pay(fan, hold.id, key)).toEqual(retried);
  });

  it('an attempt that committed but died before Redis marked the seats sold is finished, not refunded', async () => {
    const flaky = redisFailingNextSell(testApp.redis);
    const { fan, userId, state } = await setup(flaky);
    const seatIds = sale.rowA.slice(2, 4);
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    const key = randomUUID();
    await expect(pay(fan, hold.id, key)).rejects.toThrow(/sellHold/);
    // Postgres has the sale, Redis still shows the hold: the hole the recovery closes.
    expect((await redisSeats(seatIds)).filter((state) => state === 's')).toEqual([]);

    await ageAttempt(userId, key);
    const retried = await pay(fan, hold.id, key);
    expect(retried.status).toBe('SUCCEEDED');
    expect(state.refunds).toEqual([]);
    await expectSoldOnce(hold.id, seatIds);
  });

  it('two resumers of the same dead payment at once: one order, and it is never refunded', async () => {
    const { callers, fan, userId, state } = await setup();
    const seatIds = sale.rowB.slice(0, 3);
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    const key = randomUUID();
    state.failNextCharge = 'after';
    await expect(pay(fan, hold.id, key)).rejects.toThrow();
    const payment = await testApp.prisma.payment.findUniqueOrThrow({
      where: { userId_idempotencyKey: { userId, idempotencyKey: key } },
    });

    // The lease lets exactly one of many takers in.
    await ageAttempt(userId, key);
    const takers = await Promise.all(
      Array.from({ length: 4 }, () =>
        takeOverPayment({ prisma: testApp.prisma, paymentId: payment.id, leaseMs: LEASE_MS }),
      ),
    );
    expect(takers.filter(Boolean)).toHaveLength(1);

    // And should two resumers still run at once (a slow first attempt, a retry and the sweep),
    // the sale committed by this payment is the success of both.
    const deps = callers.deps.checkout;
    const both = await Promise.all([
      resumePayment(deps, { paymentId: payment.id, card: SUCCESS_CARD }),
      resumePayment(deps, { paymentId: payment.id, card: SUCCESS_CARD }),
    ]);
    expect(both.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(both[0]!.orderId).toBe(both[1]!.orderId);
    expect(state.refunds).toEqual([]);
    const order = await expectSoldOnce(hold.id, seatIds);
    expect(order.id).toBe(both[0]!.orderId);
  });

  it('the sweep finishes a charged payment nobody retried, and closes an uncharged one as FAILED', async () => {
    const { callers, fan, userId, state } = await setup();
    const charged = await fan.holds.create({
      eventId: sale.event.id,
      seatIds: sale.rowB.slice(3, 5),
    });
    const chargedKey = randomUUID();
    state.failNextCharge = 'after';
    await expect(pay(fan, charged.id, chargedKey)).rejects.toThrow();

    const other = await setup();
    const uncharged = await other.fan.holds.create({
      eventId: sale.event.id,
      seatIds: sale.rowB.slice(5, 6),
    });
    const unchargedKey = randomUUID();
    other.state.failNextCharge = 'before';
    await expect(pay(other.fan, uncharged.id, unchargedKey)).rejects.toThrow();

    const deps = callers.deps.checkout;
    // Within the lease the sweep leaves both alone.
    const early = await recoverStalePayments(deps);
    expect(early.resolved.map((r) => r.paymentId)).not.toContain(
      (await testApp.prisma.payment.findFirstOrThrow({ where: { holdId: charged.id } })).id,
    );

    await ageAttempt(userId, chargedKey);
    await ageAttempt(other.userId, unchargedKey);
    const swept = await recoverStalePayments(deps);
    const byHold = async (holdId: string) =>
      testApp.prisma.payment.findFirstOrThrow({ where: { holdId } });
    const chargedPayment = await byHold(charged.id);
    const unchargedPayment = await byHold(uncharged.id);
    expect(swept.resolved).toEqual(
      expect.arrayContaining([
        { paymentId: chargedPayment.id, status: 'SUCCEEDED' },
        { paymentId: unchargedPayment.id, status: 'FAILED' },
      ]),
    );
    expect(swept.failed).toEqual([]);
    expect(state.refunds).toEqual([]);
    await expectSoldOnce(charged.id, sale.rowB.slice(3, 5));

    // checkout.status now shows the final state; the fans' retries replay it.
    expect(await fan.checkout.status({ paymentId: chargedPayment.id })).toMatchObject({
      status: 'SUCCEEDED',
      orderId: chargedPayment.orderId,
    });
    const failed = await other.fan.checkout.status({ paymentId: unchargedPayment.id });
    expect(failed.status).toBe('FAILED');
    expect(failed.userMessage).toMatch(/not charged|before your card was charged/);
    expect((await pay(other.fan, uncharged.id, unchargedKey)).status).toBe('FAILED');
    expect(other.state.charges).toEqual([]);

    // A new attempt (new key) on the still-live hold succeeds.
    const again = await pay(other.fan, uncharged.id, randomUUID());
    expect(again.status).toBe('SUCCEEDED');
    await expectSoldOnce(uncharged.id, sale.rowB.slice(5, 6));
  });

  it('the sweep refunds a charge whose hold is gone, and the fan is told', async () => {
    const { callers, fan, userId, state } = await setup();
    const seatIds = sale.rowB.slice(6, 8);
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    const key = randomUUID();
    state.failNextCharge = 'after';
    await expect(pay(fan, hold.id, key)).rejects.toThrow();
    await fan.holds.release({ holdId: hold.id });

    await ageAttempt(userId, key);
    const swept = await recoverStalePayments(callers.deps.checkout);
    const payment = await testApp.prisma.payment.findFirstOrThrow({ where: { holdId: hold.id } });
    expect(swept.resolved).toContainEqual({ paymentId: payment.id, status: 'REFUNDED' });
    expect(state.refunds).toEqual([payment.providerRef]);
    expect(await testApp.prisma.order.count({ where: { holdId: hold.id } })).toBe(0);
    const status = await fan.checkout.status({ paymentId: payment.id });
    expect(status.status).toBe('REFUNDED');
    expect(status.userMessage).toMatch(/refunded/);
  });

  it('a claim whose attempt died before creating a payment gives its key back after the lease', async () => {
    const { callers, fan, userId, state } = await setup();
    const seatIds = sale.rowA.slice(4, 5);
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    const key = randomUUID();
    // The first attempt fails before creating its payment, and giving the key back fails too
    // (Postgres down for both): the real client, except for those two calls.
    const deps = callers.deps.checkout;
    const { prisma, saleInfo } = deps;
    Object.assign(deps, {
      saleInfo: { ...saleInfo, get: () => Promise.reject(new Error('injected: Postgres down')) },
      prisma: new Proxy(prisma, {
        get(target, prop) {
          if (prop === 'idempotencyRecord') {
            return {
              ...target.idempotencyRecord,
              create: target.idempotencyRecord.create.bind(target.idempotencyRecord),
              deleteMany: () => Promise.reject(new Error('injected: Postgres down')),
            };
          }
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function'
            ? (value as (...args: unknown[]) => unknown).bind(target)
            : value;
        },
      }),
    });
    await expect(pay(fan, hold.id, key)).rejects.toThrow(/Postgres down/);
    Object.assign(deps, { prisma, saleInfo });

    await expect(pay(fan, hold.id, key)).rejects.toThrow(/already being processed/);
    await ageAttempt(userId, key);
    const retried = await pay(fan, hold.id, key);
    expect(retried.status).toBe('SUCCEEDED');
    expect(state.charges).toEqual([retried.paymentId]);
    await expectSoldOnce(hold.id, seatIds);
  });
});
