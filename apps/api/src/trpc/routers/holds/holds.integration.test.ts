// holds.*, seats.snapshot and orders.* through the real procedures: best available, conflicts
// named by seat, per-fan limits, ownership, signed ticket QR codes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventKeys } from '@tessera/core/holds/keys';
import { verifySignedTicketId } from '@tessera/core/orders/ticket-signature';
import {
  createCallers,
  createFan,
  createSaleEvent,
  SUCCESS_CARD,
} from '../../../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../../../testing/test-app.ts';

let testApp: TestApp;
let callers: ReturnType<typeof createCallers>;

beforeAll(async () => {
  testApp = await startTestApp({ checkout: { ...testConfig().checkout, paymentLatencyMs: 0 } });
  callers = createCallers(testApp);
});

afterAll(async () => {
  await testApp.close();
});

const newFan = async () => {
  const fan = await createFan(testApp);
  return { ...fan, api: callers.as(fan) };
};

describe('holds', () => {
  it('holds the best adjacent seats of a tier and names taken seats in conflicts', async () => {
    const sale = await createSaleEvent({ testApp });
    const first = await newFan();
    const best = await first.api.holds.create({
      eventId: sale.event.id,
      quantity: 2,
      tierId: sale.priceTiers[1]!.id,
    });
    const ids = best.seats.map((s) => s.seatId).sort((a, b) => a - b);
    expect(ids.every((id) => sale.rowB.includes(id))).toBe(true);
    expect(sale.rowB.indexOf(ids[1]!) - sale.rowB.indexOf(ids[0]!)).toBe(1);

    const second = await newFan();
    const taken = sale.seats.find((s) => s.id === ids[0])!;
    await expect(
      second.api.holds.create({ eventId: sale.event.id, seatIds: [ids[0]!] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Seat 2-${taken.label} was just taken by someone else.`,
    });
  });

  it('applies the per-fan limit of the open on-sale window', async () => {
    const sale = await createSaleEvent({ testApp });
    await testApp.prisma.onSaleWindow.create({
      data: {
        eventId: sale.event.id,
        name: 'General sale',
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 3_600_000),
        status: 'OPEN',
        // No waiting room: holds need no admission pass (a rebuilt event mirrors the gate).
        waitingRoomEnabled: false,
        perFanSeatLimit: 2,
      },
    });
    const fan = await newFan();
    await expect(
      fan.api.holds.create({ eventId: sale.event.id, seatIds: sale.rowA.slice(0, 3) }),
    ).rejects.toMatchObject({ message: 'You can hold at most 2 seats for this event.' });
  });

  it('lists, replays by idempotency key and releases the fan’s own holds only', async () => {
    const sale = await createSaleEvent({ testApp });
    const owner = await newFan();
    const other = await newFan();
    const request = {
      eventId: sale.event.id,
      seatIds: [sale.rowA[0]!],
      idempotencyKey: randomUUID(),
    };
    const hold = await owner.api.holds.create(request);
    expect((await owner.api.holds.create(request)).id).toBe(hold.id);
    expect((await owner.api.holds.mine({ eventId: sale.event.id })).holds).toEqual([hold]);

    await expect(other.api.holds.release({ holdId: hold.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      other.api.checkout.pay({
        holdId: hold.id,
        paymentMethod: SUCCESS_CARD,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await owner.api.holds.release({ holdId: hold.id })).toEqual({
      holdId: hold.id,
      released: true,
    });
    expect((await owner.api.holds.mine()).holds).toEqual([]);
  });

  it('rebuilds the event’s seat state from Postgres when Redis lost it', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = await newFan();
    await fan.api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[0]!] });
    const keys = eventKeys({ prefix: testApp.config.redisPrefix, eventId: sale.event.id });
    await testApp.redis.del(...Object.values(keys));
    const again = await fan.api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowB[0]!] });
    expect(again.seats.map((s) => s.seatId)).toEqual([sale.rowB[0]]);
  });
});

describe('seats.snapshot', () => {
  it('gives every seat a status, and the caller’s own held seats when signed in', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = await newFan();
    const hold = await fan.api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[2]!] });
    const anonymous = await callers.anonymous().seats.snapshot({ eventId: sale.event.id });
    expect(anonymous.seatIds).toEqual(sale.seats.map((s) => s.id).sort((a, b) => a - b));
    expect(anonymous.mine).toEqual([]);
    const index = anonymous.seatIds.indexOf(sale.rowA[2]!);
    expect(anonymous.statuses[index]).toBe('h');
    expect(anonymous.statuses.replaceAll('a', '')).toBe('h');
    const mine = await fan.api.seats.snapshot({ eventId: sale.event.id });
    expect(mine.mine).toEqual(hold.seats.map((s) => s.seatId));
    expect(mine.version).toBeGreaterThan(0);
  });
});

describe('orders', () => {
  it('shows tickets with QR codes of signed ids to their owner only', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = await newFan();
    const hold = await fan.api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[4]!] });
    const paid = await fan.api.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    });
    const order = await fan.api.orders.get({ orderId: paid.orderId! });
    const [ticket] = order.tickets;
    const secret = testApp.config.checkout.ticketSigningSecret;
    expect(verifySignedTicketId({ signedId: ticket!.signedId, secret })).toBe(ticket!.id);
    const tampered = `${randomUUID()}${ticket!.signedId.slice(ticket!.id.length)}`;
    expect(verifySignedTicketId({ signedId: tampered, secret })).toBeNull();
    expect(ticket!.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(ticket!.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');

    const other = await newFan();
    await expect(other.api.orders.get({ orderId: order.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(other.api.checkout.status({ paymentId: paid.paymentId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
