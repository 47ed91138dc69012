// admin.events writes against real Postgres and Redis: validation as field errors, the catalog
// and the sale seeing every change on their next read, unpublish refused while seats are sold
// or held, and cancel refunding every paid order and stopping the sale.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { eventKeys } from '@tessera/core/holds/keys';
import { loadEventSeatState } from '@tessera/core/holds/load-event-seat-state';
import { createTestVenue, uniqueToken } from '@tessera/core/testing/catalog-fixtures';
import {
  createFan,
  createSaleEvent,
  SUCCESS_CARD,
  TIER_PRICES,
} from '../../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../../testing/test-app.ts';
import { createAdminKit } from './admin-test-kit.ts';

let testApp: TestApp;
let kit: Awaited<ReturnType<typeof createAdminKit>>;
let venue: Awaited<ReturnType<typeof createTestVenue>>;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  testApp = await startTestApp();
  kit = await createAdminKit(testApp);
  venue = await createTestVenue({
    prisma: testApp.prisma,
    name: uniqueToken('Admin hall'),
    city: uniqueToken('Adminville'),
    seatsPerRow: 5,
    tiers: [
      { code: 'A', defaultPriceCents: 5000 },
      { code: 'B', defaultPriceCents: 2000 },
    ],
  });
});

afterAll(async () => {
  await testApp.close();
});

const validInput = () => ({
  title: uniqueToken('Gala '),
  description: 'An evening of music.',
  category: 'CONCERT' as const,
  city: venue.venue.city,
  venueId: venue.venue.id,
  startsAt: inDays(30),
  imageUrl: '',
  prices: [{ priceTierId: venue.priceTiers[0]!.id, priceCents: 7500 }],
});

const fieldErrorsOf = async (attempt: Promise<unknown>) => {
  const error = (await attempt.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; cause?: { fieldErrors?: Record<string, string> } } | null;
  expect(error?.code).toBe('BAD_REQUEST');
  return error?.cause?.fieldErrors ?? zodFields(error);
};

/** zod refusals carry issues instead of an AppError's fieldErrors. */
const zodFields = (error: unknown) => {
  const issues = (error as { cause?: { issues?: Array<{ path: string[]; message: string }> } })
    ?.cause?.issues;
  return Object.fromEntries((issues ?? []).map((i) => [i.path.join('.'), i.message]));
};

describe('admin.events.create and update', () => {
  it('creates a draft priced per tier, hidden from fans until published', async () => {
    const created = await kit.admin.admin.events.create(validInput());
    expect(created).toMatchObject({ status: 'DRAFT', capacity: 10, seatsSold: 0, imageUrl: null });
    expect(created.prices.map((p) => [p.code, p.priceCents, p.defaultPriceCents])).toEqual([
      ['A', 7500, 5000],
      ['B', null, 2000],
    ]);
    const fan = kit.callers.as(await createFan(testApp));
    await expect(fan.events.get({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const published = await kit.admin.admin.events.publish({ id: created.id });
    expect(published.status).toBe('PUBLISHED');
    const seen = await fan.events.get({ id: created.id });
    expect(seen.priceTiers.map((t) => t.priceCents)).toEqual([7500, 2000]);
    const listed = await kit.admin.admin.events.list({ q: created.title, status: 'PUBLISHED' });
    expect(listed.items.map((e) => e.id)).toEqual([created.id]);
  });

  it('refuses bad input with a message per field', async () => {
    const shape = await fieldErrorsOf(
      kit.admin.admin.events.create({ ...validInput(), title: 'x', imageUrl: 'ftp://x' }),
    );
    expect(shape).toMatchObject({
      title: expect.stringContaining('at least 3'),
      imageUrl: expect.stringContaining('https://'),
    });
    expect(
      await fieldErrorsOf(kit.admin.admin.events.create({ ...validInput(), startsAt: inDays(-1) })),
    ).toEqual({ startsAt: 'Choose a start time in the future.' });
    expect(
      await fieldErrorsOf(
        kit.admin.admin.events.create({ ...validInput(), venueId: randomUUID() }),
      ),
    ).toEqual({ venueId: 'Choose a venue from the list.' });
    const other = await createTestVenue({
      prisma: testApp.prisma,
      name: uniqueToken('Other'),
      city: 'Elsewhere',
    });
    expect(
      await fieldErrorsOf(
        kit.admin.admin.events.create({
          ...validInput(),
          prices: [{ priceTierId: other.priceTiers[0]!.id, priceCents: 100 }],
        }),
      ),
    ).toEqual({ 'prices.0.priceTierId': 'This price tier is not part of the chosen venue.' });
  });

  it('makes a price change visible to the very next hold (sale-info cache forgotten)', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = kit.callers.as(await createFan(testApp));
    // Warm the sale-info cache with the old prices.
    await fan.seats.snapshot({ eventId: sale.event.id });
    const detail = await kit.admin.admin.events.get({ id: sale.event.id });
    await kit.admin.admin.events.update({
      id: sale.event.id,
      title: detail.title,
      description: detail.description,
      category: detail.category,
      city: detail.city,
      venueId: detail.venue.id,
      startsAt: detail.startsAt,
      imageUrl: null,
      prices: [{ priceTierId: sale.priceTiers[0]!.id, priceCents: TIER_PRICES.A + 111 }],
    });
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[0]!] });
    expect(hold.totalCents).toBe(TIER_PRICES.A + 111);
  });

  it('keeps the venue once seats were held or sold', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = kit.callers.as(await createFan(testApp));
    await fan.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[0]!] });
    const detail = await kit.admin.admin.events.get({ id: sale.event.id });
    const errors = await fieldErrorsOf(
      kit.admin.admin.events.update({
        ...validInput(),
        id: sale.event.id,
        startsAt: detail.startsAt,
      }),
    );
    expect(errors.venueId).toContain('only change while the event is a draft');
  });
});

describe('admin.events.unpublish', () => {
  it('takes an event with no sales off sale, and refuses while seats are held or sold', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = kit.callers.as(await createFan(testApp));
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[0]!] });
    await expect(kit.admin.admin.events.unpublish({ id: sale.event.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('1 seat is held'),
    });
    await fan.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    });
    await expect(kit.admin.admin.events.unpublish({ id: sale.event.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('1 seat is sold'),
    });
    expect((await kit.admin.admin.events.get({ id: sale.event.id })).status).toBe('PUBLISHED');

    const quiet = await createSaleEvent({ testApp });
    await fan.seats.snapshot({ eventId: quiet.event.id });
    expect((await kit.admin.admin.events.unpublish({ id: quiet.event.id })).status).toBe('DRAFT');
    await expect(fan.seats.snapshot({ eventId: quiet.event.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('admin.events.cancel', () => {
  it('refunds every paid order, cancels tickets, releases holds and refuses new holds', async () => {
    const sale = await createSaleEvent({ testApp });
    const buyers = await Promise.all([createFan(testApp), createFan(testApp)]);
    const orders: string[] = [];
    for (const [index, buyer] of buyers.entries()) {
      const fan = kit.callers.as(buyer);
      const hold = await fan.holds.create({
        eventId: sale.event.id,
        seatIds: sale.rowA.slice(index * 2, index * 2 + 2),
      });
      const paid = await fan.checkout.pay({
        holdId: hold.id,
        paymentMethod: SUCCESS_CARD,
        idempotencyKey: randomUUID(),
      });
      orders.push(paid.orderId!);
    }
    const holder = kit.callers.as(await createFan(testApp));
    const liveHold = await holder.holds.create({
      eventId: sale.event.id,
      seatIds: sale.rowB.slice(0, 2),
    });

    const result = await kit.admin.admin.events.cancel({ id: sale.event.id });
    expect(result).toMatchObject({
      refundedOrders: 2,
      refundedCents: 4 * TIER_PRICES.A,
      failedOrders: [],
      event: {
        status: 'CANCELLED',
        seatsSold: 0,
        orders: { confirmed: 0, refunded: 2, awaitingRefund: 0 },
      },
    });
    expect(result.releasedHolds).toBeGreaterThanOrEqual(1);

    for (const orderId of orders) {
      const order = await kit.admin.admin.orders.get({ orderId });
      expect(order.status).toBe('CANCELLED');
      expect(order.seats.map((s) => s.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect(order.payments[0]).toMatchObject({
        status: 'REFUNDED',
        failureReason: 'event_cancelled',
      });
      expect(kit.provider.refunds.has(order.payments[0]!.providerRef!)).toBe(true);
    }
    const fanView = await kit.callers.anonymous().events.get({ id: sale.event.id });
    expect(fanView.status).toBe('CANCELLED');

    // The seat map and holds refuse the event: through the API and straight at the Lua script.
    await expect(holder.seats.snapshot({ eventId: sale.event.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('cancelled'),
    });
    await expect(
      holder.holds.create({ eventId: sale.event.id, seatIds: [sale.rowB[3]!] }),
    ).rejects.toMatchObject({ message: expect.stringContaining('cancelled') });
    await expect(
      holdSeats({
        redis: testApp.redis,
        prefix: testApp.config.redisPrefix,
        eventId: sale.event.id,
        userId: buyers[0]!.user.id,
        seatIds: [sale.rowB[4]!],
        ttlMs: 60_000,
        perUserSeatLimit: 6,
      }),
    ).rejects.toMatchObject({ refusal: 'NOT_FOUND' });
    const keys = eventKeys({ prefix: testApp.config.redisPrefix, eventId: sale.event.id });
    expect(await testApp.redis.hget(keys.meta, 'cancelled')).toBe('1');
    expect(await testApp.redis.hmget(keys.seats, ...sale.rowB.slice(0, 2).map(String))).toEqual([
      '0',
      '0',
    ]);

    const report = await kit.invariants(sale.event.id);
    expect(report?.ok).toBe(true);
    const mirrored = await testApp.prisma.hold.findUniqueOrThrow({ where: { id: liveHold.id } });
    expect(mirrored.status).toBe('RELEASED');

    // Redis loses the event: rebuilding it from Postgres stops the sale again.
    await testApp.redis.del(...Object.values(keys));
    await loadEventSeatState({
      prisma: testApp.prisma,
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      eventId: sale.event.id,
    });
    expect(await testApp.redis.hget(keys.meta, 'cancelled')).toBe('1');
    await expect(
      holdSeats({
        redis: testApp.redis,
        prefix: testApp.config.redisPrefix,
        eventId: sale.event.id,
        userId: buyers[0]!.user.id,
        seatIds: [sale.rowA[0]!],
        ttlMs: 60_000,
        perUserSeatLimit: 6,
      }),
    ).rejects.toMatchObject({ refusal: 'NOT_FOUND' });

    // Cancelling again changes nothing and refunds nothing twice.
    const again = await kit.admin.admin.events.cancel({ id: sale.event.id });
    expect(again).toMatchObject({ refundedOrders: 0, refundedCents: 0 });
  });
});
