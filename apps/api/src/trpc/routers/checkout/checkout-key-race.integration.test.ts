// A pay attempt presumed dead that was in fact alive: a retry with the same key gave its claim back
// (releaseStaleClaims, once the lease ran out with no payment yet) just before the live attempt
// created its payment. Neither side may answer 500: the live attempt still tells its fan about the
// sale, and the retry, finding the key's payment already there, answers as for an attempt in flight.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFanHold } from '@tessera/core/checkout/find-fan-hold';
import { PAY_SCOPE } from '@tessera/core/checkout/pay-scope';
import { ensureHoldRow } from '@tessera/core/checkout/sale.repository';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import {
  createCallers,
  createFan,
  createSaleEvent,
  SUCCESS_CARD,
} from '../../../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../../../testing/test-app.ts';

let testApp: TestApp;
let sale: Awaited<ReturnType<typeof createSaleEvent>>;

beforeAll(async () => {
  testApp = await startTestApp({ checkout: { ...testConfig().checkout, paymentLatencyMs: 0 } });
  sale = await createSaleEvent({ testApp, seatsPerRow: 8 });
});

afterAll(async () => {
  await testApp.close();
});

/** The simulated processor, whose next charge waits until the test opens the gate. */
const gatedProvider = () => {
  const simulated = createSimulatedCardProcessor({ latencyMs: 0 });
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let charging: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (charging = resolve));
  const provider: PaymentProvider = {
    ...simulated,
    name: simulated.name,
    charge: async (request) => {
      charging();
      await opened;
      return simulated.charge(request);
    },
  };
  return { provider, simulated, reached, open };
};

const keyRecord = (userId: string, key: string) =>
  testApp.prisma.idempotencyRecord.findUnique({
    where: { userId_scope_key: { userId, scope: PAY_SCOPE, key } },
  });

describe('a pay key taken over from an attempt that was still alive', () => {
  it('the live attempt still answers its sale when its claim was given back meanwhile', async () => {
    const gated = gatedProvider();
    const callers = createCallers(testApp, gated.provider);
    const fan = await createFan(testApp);
    const api = callers.as(fan);
    const hold = await api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[0]!] });
    const key = randomUUID();

    const paying = api.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: key,
    });
    await gated.reached;
    // What a retry does to a claim it presumes dead: gives it back.
    await testApp.prisma.idempotencyRecord.delete({
      where: { userId_scope_key: { userId: fan.user.id, scope: PAY_SCOPE, key } },
    });
    gated.open();

    const paid = await paying;
    expect(paid.status).toBe('SUCCEEDED');
    const order = await testApp.prisma.order.findUniqueOrThrow({ where: { id: paid.orderId! } });
    expect(order.status).toBe('CONFIRMED');
    expect(await keyRecord(fan.user.id, key)).toBeNull();
  });

  it('the retry that finds the key already has a payment answers where that payment stands, charging nothing', async () => {
    const gated = gatedProvider();
    gated.open();
    const callers = createCallers(testApp, gated.provider);
    const fan = await createFan(testApp);
    const api = callers.as(fan);
    const hold = await api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[1]!] });
    const key = randomUUID();
    // The live attempt's payment, created after the retry had given its claim back and claimed
    // the key itself (so the key has no record of the live attempt any more).
    const deps = callers.deps.checkout;
    const record = await findFanHold({ ...deps, userId: fan.user.id, holdId: hold.id });
    await ensureHoldRow({ prisma: deps.prisma, hold: record });
    const live = await testApp.prisma.payment.create({
      data: {
        holdId: hold.id,
        userId: fan.user.id,
        provider: gated.provider.name,
        amountCents: 1,
        idempotencyKey: key,
      },
    });

    const retry = await api.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: key,
    });
    expect(retry).toMatchObject({ paymentId: live.id, status: 'PENDING', orderId: null });
    expect(await testApp.prisma.payment.count({ where: { holdId: hold.id } })).toBe(1);
    // The retry gave its own claim back: nothing of it is left in flight.
    expect(await keyRecord(fan.user.id, key)).toBeNull();
  });
});
