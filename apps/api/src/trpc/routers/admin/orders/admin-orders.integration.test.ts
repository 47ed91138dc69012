// admin.orders against real Postgres and Redis: search and detail, and a refund that returns the
// money through the provider and the seats to sale: released in Postgres (sellable again under
// the sold_guard), available in Redis, in seats.snapshot and delivered to a seats.onChange
// subscriber, with the invariant checker passing. Plus the event's expired and released holds.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { eventKeys } from '@tessera/core/holds/keys';
import { createApiDeps, createContextInner } from '../../../context.ts';
import { createCallerFactory } from '../../../init.ts';
import { appRouter } from '../../../router.ts';
import {
  createFan,
  createSaleEvent,
  SUCCESS_CARD,
  DECLINE_CARD,
  TIER_PRICES,
} from '../../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../../testing/test-app.ts';
import { createAdminKit } from '../events/admin-test-kit.ts';

let testApp: TestApp;
let kit: Awaited<ReturnType<typeof createAdminKit>>;
const createCaller = createCallerFactory(appRouter);

beforeAll(async () => {
  testApp = await startTestApp();
  kit = await createAdminKit(testApp);
});

afterAll(async () => {
  await testApp.close();
});

const buy = async (sale: Awaited<ReturnType<typeof createSaleEvent>>, seatIds: number[]) => {
  const buyer = await createFan(testApp);
  const fan = kit.callers.as(buyer);
  const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
  const paid = await fan.checkout.pay({
    holdId: hold.id,
    paymentMethod: SUCCESS_CARD,
    idempotencyKey: randomUUID(),
  });
  return { buyer, fan, orderId: paid.orderId! };
};

/** An in-process seats.onChange subscription read message by message. */
const subscribe = async (eventId: string) => {
  const controller = new AbortController();
  const caller = createCaller(createContextInner({ deps: createApiDeps(testApp) }), {
    signal: controller.signal,
  });
  const iterator = ((await caller.seats.onChange({ eventId })) as AsyncIterable<unknown>)[
    Symbol.asyncIterator
  ]();
  return {
    async next(): Promise<SeatsChangeMessage> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no onChange message in time')), 4_000);
      });
      try {
        const result = await Promise.race([iterator.next(), timeout]);
        if (result.done) throw new Error('subscription ended');
        return (result.value as [string, SeatsChangeMessage])[1];
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      controller.abort();
      await iterator.return?.();
    },
  };
};

describe('admin.orders.list and get', () => {
  it('finds orders by email, order id and event, newest first, a page at a time', async () => {
    const sale = await createSaleEvent({ testApp });
    const first = await buy(sale, [sale.rowA[0]!]);
    const second = await buy(sale, [sale.rowA[1]!]);
    const third = await buy(sale, [sale.rowA[2]!]);

    const byEmail = await kit.admin.admin.orders.list({ q: first.buyer.user.email.toUpperCase() });
    expect(byEmail.items.map((o) => o.id)).toEqual([first.orderId]);
    const byId = await kit.admin.admin.orders.list({ q: second.orderId });
    expect(byId.items.map((o) => o.id)).toEqual([second.orderId]);

    const page1 = await kit.admin.admin.orders.list({ eventId: sale.event.id, limit: 2 });
    expect(page1.items.map((o) => o.id)).toEqual([third.orderId, second.orderId]);
    const page2 = await kit.admin.admin.orders.list({
      eventId: sale.event.id,
      limit: 2,
      cursor: page1.nextCursor!,
    });
    expect(page2.items.map((o) => o.id)).toEqual([first.orderId]);
    expect(page2.nextCursor).toBeNull();
    await expect(kit.admin.admin.orders.list({ limit: 500 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const detail = await kit.admin.admin.orders.get({ orderId: first.orderId });
    expect(detail).toMatchObject({
      status: 'CONFIRMED',
      totalCents: TIER_PRICES.A,
      user: { email: first.buyer.user.email },
      seats: [{ seatId: sale.rowA[0], status: 'SOLD', priceCents: TIER_PRICES.A }],
      payments: [{ status: 'SUCCEEDED', amountCents: TIER_PRICES.A }],
      refunds: [],
    });
  });
});

describe('admin.orders.refund', () => {
  it('refunds the money and puts the seats back on sale everywhere', async () => {
    const sale = await createSaleEvent({ testApp });
    const seatIds = sale.rowA.slice(0, 2);
    const { orderId } = await buy(sale, seatIds);
    const keys = eventKeys({ prefix: testApp.config.redisPrefix, eventId: sale.event.id });
    expect(await testApp.redis.hmget(keys.seats, ...seatIds.map(String))).toEqual(['s', 's']);

    const sub = await subscribe(sale.event.id);
    const snapshot = await sub.next();
    if (snapshot.kind !== 'snapshot') throw new Error('expected the snapshot first');

    const { order, seatsReleased } = await kit.admin.admin.orders.refund({ orderId });
    expect(seatsReleased).toBe(2);
    expect(order).toMatchObject({
      status: 'REFUNDED',
      seats: [{ status: 'REFUNDED' }, { status: 'REFUNDED' }],
      payments: [{ status: 'REFUNDED', failureReason: 'admin_refund' }],
      refunds: [{ amountCents: 2 * TIER_PRICES.A, reason: 'admin_refund' }],
    });
    expect(kit.provider.refunds.has(order.payments[0]!.providerRef!)).toBe(true);

    // Postgres: tickets released from the sold guard, seats_sold lowered.
    expect(
      await testApp.prisma.orderSeat.count({
        where: { eventId: sale.event.id, seatId: { in: seatIds }, soldGuard: true },
      }),
    ).toBe(0);
    expect((await kit.admin.admin.events.get({ id: sale.event.id })).seatsSold).toBe(0);
    // Redis, the snapshot and the live subscriber all see the seats available again.
    expect(await testApp.redis.hmget(keys.seats, ...seatIds.map(String))).toEqual(['0', '0']);
    const delta = await sub.next();
    expect(delta).toMatchObject({
      kind: 'delta',
      fromVersion: snapshot.version,
      seats: seatIds.map((id) => [id, 'a']),
    });
    await sub.close();
    const fresh = await kit.callers.anonymous().seats.snapshot({ eventId: sale.event.id });
    for (const id of seatIds) expect(fresh.statuses[fresh.seatIds.indexOf(id)]).toBe('a');

    expect((await kit.invariants(sale.event.id))?.ok).toBe(true);

    // Another fan buys the same seats: the sold_guard lets a refunded seat sell again.
    const rebuy = await buy(sale, seatIds);
    expect((await kit.admin.admin.orders.get({ orderId: rebuy.orderId })).status).toBe('CONFIRMED');
    expect((await kit.invariants(sale.event.id))?.ok).toBe(true);

    await expect(kit.admin.admin.orders.refund({ orderId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This order has already been refunded.',
    });
  });

  it('refunds each order once when two admins click at the same time', async () => {
    const sale = await createSaleEvent({ testApp });
    const { orderId } = await buy(sale, [sale.rowB[0]!]);
    const results = await Promise.allSettled([
      kit.admin.admin.orders.refund({ orderId }),
      kit.admin.admin.orders.refund({ orderId }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const event = await testApp.prisma.event.findUniqueOrThrow({ where: { id: sale.event.id } });
    expect(event.seatsSold).toBe(0);
    expect((await kit.invariants(sale.event.id))?.ok).toBe(true);
  });
});

describe('admin.orders.expiredHolds', () => {
  it('lists the holds of an event that ended without a sale, with why', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = kit.callers.as(await createFan(testApp));
    const released = await fan.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[0]!] });
    await fan.holds.release({ holdId: released.id });
    const declined = await fan.holds.create({
      eventId: sale.event.id,
      seatIds: sale.rowA.slice(2, 4),
    });
    await fan.checkout.pay({
      holdId: declined.id,
      paymentMethod: DECLINE_CARD,
      idempotencyKey: randomUUID(),
    });
    await fan.holds.release({ holdId: declined.id });
    await kit.reconcile(sale.event.id);

    const { items } = await kit.admin.admin.orders.expiredHolds({ eventId: sale.event.id });
    expect(items.map((h) => [h.id, h.status, h.reason, h.seatCount]).sort()).toEqual(
      [
        [released.id, 'RELEASED', 'released', 1],
        [declined.id, 'RELEASED', 'payment-failed', 2],
      ].sort(),
    );
  });
});

describe('refunds when the payment provider fails', () => {
  it('keeps the money claim retryable for a refund and for a cancel', async () => {
    let outage = true;
    const flaky = await createAdminKit(testApp, () => {
      if (outage) throw new Error('provider unavailable');
    });
    const sale = await createSaleEvent({ testApp });
    const buyer = flaky.callers.as(await createFan(testApp));
    const buyOne = async (seatId: number) => {
      const hold = await buyer.holds.create({ eventId: sale.event.id, seatIds: [seatId] });
      return (
        await buyer.checkout.pay({
          holdId: hold.id,
          paymentMethod: SUCCESS_CARD,
          idempotencyKey: randomUUID(),
        })
      ).orderId!;
    };
    const refunded = await buyOne(sale.rowA[0]!);
    const cancelled = await buyOne(sale.rowA[1]!);

    await expect(flaky.admin.admin.orders.refund({ orderId: refunded })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringContaining('Refund the order again'),
    });
    const stuck = await flaky.admin.admin.orders.get({ orderId: refunded });
    expect([stuck.status, stuck.payments[0]!.status]).toEqual(['REFUNDED', 'SUCCEEDED']);

    const firstCancel = await flaky.admin.admin.events.cancel({ id: sale.event.id });
    expect(firstCancel.failedOrders.sort()).toEqual([refunded, cancelled].sort());
    expect(firstCancel.event.orders).toMatchObject({ confirmed: 0, awaitingRefund: 2 });

    outage = false;
    const retried = await flaky.admin.admin.events.cancel({ id: sale.event.id });
    expect(retried).toMatchObject({
      refundedOrders: 2,
      refundedCents: 2 * TIER_PRICES.A,
      failedOrders: [],
      event: { orders: { confirmed: 0, refunded: 2, awaitingRefund: 0 } },
    });
    for (const orderId of [refunded, cancelled]) {
      const order = await flaky.admin.admin.orders.get({ orderId });
      expect(order.payments[0]!.status).toBe('REFUNDED');
      expect(flaky.provider.refunds.has(order.payments[0]!.providerRef!)).toBe(true);
    }
    expect((await flaky.invariants(sale.event.id))?.ok).toBe(true);
  });

  it('stops waiting for a processor that hangs on a refund, and the refund can be retried', async () => {
    let hanging = true;
    const slow = await createAdminKit(testApp, async () => {
      if (hanging) await new Promise((resolve) => setTimeout(resolve, 5_000));
    });
    slow.callers.deps.checkout.chargeTimeoutMs = 200;
    const sale = await createSaleEvent({ testApp });
    const buyer = slow.callers.as(await createFan(testApp));
    const hold = await buyer.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[0]!] });
    const { orderId } = await buyer.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    });

    // Answered at the timeout, long before the processor would have: the money claim is put back.
    await expect(slow.admin.admin.orders.refund({ orderId: orderId! })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringContaining('Refund the order again'),
    });
    const stuck = await slow.admin.admin.orders.get({ orderId: orderId! });
    expect([stuck.status, stuck.payments[0]!.status]).toEqual(['REFUNDED', 'SUCCEEDED']);

    hanging = false;
    await slow.admin.admin.orders.refund({ orderId: orderId! });
    const done = await slow.admin.admin.orders.get({ orderId: orderId! });
    expect(done.payments[0]!.status).toBe('REFUNDED');
    expect(slow.provider.refunds.has(done.payments[0]!.providerRef!)).toBe(true);
  });
});
