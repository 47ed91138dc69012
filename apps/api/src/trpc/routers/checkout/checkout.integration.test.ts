// hold -> pay -> confirm through the real procedures, Postgres and Redis: success, decline,
// idempotent retries, late payment refunded, and the unique constraint as the last guard.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventKeys } from '@tessera/core/holds/keys';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import {
  createCallers,
  createFan,
  createSaleEvent,
  DECLINE_CARD,
  LATE_CARD,
  SUCCESS_CARD,
  TIER_PRICES,
} from '../../../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../../../testing/test-app.ts';

let testApp: TestApp;
let callers: ReturnType<typeof createCallers>;
let sale: Awaited<ReturnType<typeof createSaleEvent>>;
const charges: string[] = [];

beforeAll(async () => {
  testApp = await startTestApp({ checkout: { ...testConfig().checkout, paymentLatencyMs: 0 } });
  const simulated = createSimulatedCardProcessor({ latencyMs: 0 });
  const counting: PaymentProvider = {
    name: simulated.name,
    charge: (request) => {
      charges.push(request.paymentId);
      return simulated.charge(request);
    },
    refund: (options) => simulated.refund(options),
  };
  callers = createCallers(testApp, counting);
  sale = await createSaleEvent({ testApp, seatsPerRow: 10 });
});

afterAll(async () => {
  await testApp.close();
});

const redisSeats = (seatIds: number[]) =>
  testApp.redis.hmget(
    eventKeys({ prefix: testApp.config.redisPrefix, eventId: sale.event.id }).seats,
    ...seatIds.map(String),
  );

const soldInPostgres = (seatIds: number[]) =>
  testApp.prisma.orderSeat.count({
    where: { eventId: sale.event.id, seatId: { in: seatIds }, soldGuard: true },
  });

describe('checkout', () => {
  it('confirms a paid hold: order with tickets, seats sold in Postgres and Redis', async () => {
    const fan = callers.as(await createFan(testApp));
    const seatIds = sale.rowA.slice(0, 2);
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    expect(hold.totalCents).toBe(2 * TIER_PRICES.A);
    expect(hold.seats.map((s) => s.seatId)).toEqual(seatIds);

    const paid = await fan.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    });
    expect(paid).toMatchObject({ status: 'SUCCEEDED', orderId: expect.any(String) });

    const order = await fan.orders.get({ orderId: paid.orderId! });
    expect(order.status).toBe('CONFIRMED');
    expect(order.tickets.map((t) => t.seatId)).toEqual(seatIds);
    expect(order.totalCents).toBe(2 * TIER_PRICES.A);
    expect(await soldInPostgres(seatIds)).toBe(2);
    expect(await redisSeats(seatIds)).toEqual(['s', 's']);
    expect((await fan.holds.mine()).holds).toEqual([]);
    expect((await fan.orders.mine()).items.map((o) => o.id)).toEqual([order.id]);
    expect(await fan.checkout.status({ paymentId: paid.paymentId })).toMatchObject({
      status: 'SUCCEEDED',
      orderId: order.id,
      amountCents: 2 * TIER_PRICES.A,
    });
  });

  it('keeps the hold after a decline, and a new attempt with another card succeeds', async () => {
    const fan = callers.as(await createFan(testApp));
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[2]!] });
    const declined = await fan.checkout.pay({
      holdId: hold.id,
      paymentMethod: DECLINE_CARD,
      idempotencyKey: randomUUID(),
    });
    expect(declined).toMatchObject({ status: 'DECLINED', orderId: null });
    expect(declined.userMessage).toMatch(/declined/);
    expect((await fan.holds.mine()).holds.map((h) => h.id)).toEqual([hold.id]);

    const retried = await fan.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    });
    expect(retried.status).toBe('SUCCEEDED');
  });

  it('replays the first result for the same key and charges once; another body is a conflict', async () => {
    const fan = callers.as(await createFan(testApp));
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[3]!] });
    const request = { holdId: hold.id, paymentMethod: SUCCESS_CARD, idempotencyKey: randomUUID() };
    const chargesBefore = charges.length;
    const first = await fan.checkout.pay(request);
    const second = await fan.checkout.pay(request);
    expect(second).toEqual(first);
    expect(charges.length - chargesBefore).toBe(1);
    expect(
      await testApp.prisma.payment.count({ where: { idempotencyKey: request.idempotencyKey } }),
    ).toBe(1);
    await expect(
      fan.checkout.pay({ ...request, paymentMethod: { ...SUCCESS_CARD, name: 'Someone Else' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refunds a payment that lands after the hold expired and sells nothing', async () => {
    const fan = callers.as(await createFan(testApp));
    const seatIds = [sale.rowB[0]!, sale.rowB[1]!];
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    const late = await fan.checkout.pay({
      holdId: hold.id,
      paymentMethod: LATE_CARD,
      idempotencyKey: randomUUID(),
    });
    expect(late).toMatchObject({
      status: 'REFUNDED',
      orderId: null,
      userMessage: 'Your payment went through after your hold expired, so we refunded it.',
    });
    expect(await soldInPostgres(seatIds)).toBe(0);
    expect(await redisSeats(seatIds)).toEqual(['0', '0']);
    expect(await testApp.prisma.order.count({ where: { holdId: hold.id } })).toBe(0);
  });

  it('refunds when Postgres already sold a seat behind Redis (the unique constraint guards)', async () => {
    const owner = await createFan(testApp);
    const fan = callers.as(await createFan(testApp));
    const seatId = sale.rowB[9]!;
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds: [seatId] });
    await testApp.prisma.order.create({
      data: {
        userId: owner.user.id,
        eventId: sale.event.id,
        totalCents: 1,
        status: 'CONFIRMED',
        seats: { create: [{ eventId: sale.event.id, seatId, priceCents: 1 }] },
      },
    });
    const paid = await fan.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    });
    expect(paid).toMatchObject({ status: 'REFUNDED', orderId: null });
    expect(paid.userMessage).toMatch(/sold to someone else/);
    expect(await soldInPostgres([seatId])).toBe(1);
  });

  it('charges once when the same payment is sent twice at the same time', async () => {
    const fan = callers.as(await createFan(testApp));
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[4]!] });
    const request = { holdId: hold.id, paymentMethod: SUCCESS_CARD, idempotencyKey: randomUUID() };
    const chargesBefore = charges.length;
    const results = await Promise.allSettled([
      fan.checkout.pay(request),
      fan.checkout.pay(request),
    ]);
    expect(charges.length - chargesBefore).toBe(1);
    expect(
      await testApp.prisma.payment.count({ where: { idempotencyKey: request.idempotencyKey } }),
    ).toBe(1);
    // The loser either sees the payment in progress or is told to check again: never a 2nd charge.
    expect(results.some((r) => r.status === 'fulfilled' && r.value.status === 'SUCCEEDED')).toBe(
      true,
    );
    expect((await fan.checkout.pay(request)).status).toBe('SUCCEEDED');
  });

  it('sells a hold once when two different payments race for it, refunding the other', async () => {
    const fan = callers.as(await createFan(testApp));
    const seatIds = [sale.rowA[5]!, sale.rowA[6]!];
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    const pay = () =>
      fan.checkout.pay({
        holdId: hold.id,
        paymentMethod: SUCCESS_CARD,
        idempotencyKey: randomUUID(),
      });
    const results = await Promise.allSettled([pay(), pay()]);
    const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.status : 'ERROR'));
    expect(statuses.filter((s) => s === 'SUCCEEDED')).toHaveLength(1);
    expect(await soldInPostgres(seatIds)).toBe(2);
    expect(await testApp.prisma.order.count({ where: { holdId: hold.id } })).toBe(1);
    const succeeded = await testApp.prisma.payment.count({
      where: { holdId: hold.id, status: 'SUCCEEDED' },
    });
    expect(succeeded).toBe(1);
  });
});
