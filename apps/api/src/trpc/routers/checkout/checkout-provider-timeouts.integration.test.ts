// A card processor that stops answering: pay answers 503 at the provider timeout and gives its
// payment lease back, so the fan's immediate retry with the same key takes the payment over (no
// wait for the lease) and finishes it with one charge; the recovery sweep's findCharge and refund
// time out too, leaving the payment PENDING for the next pass. The simulated processor's ledger is
// in the test Redis, shared by every provider instance (API replica or sweeper) over it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverStalePayments } from '@tessera/core/checkout/recover-payments';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import { createRedisSimulatedLedger } from '@tessera/core/payments/simulated-ledger.store';
import {
  createCallers,
  createFan,
  createSaleEvent,
  SUCCESS_CARD,
} from '../../../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../../../testing/test-app.ts';

/** Far longer than the test: a retry that had to wait it out would answer PENDING instead. */
const LEASE_MS = 60_000;
const PROVIDER_TIMEOUT_MS = 200;
let testApp: TestApp;
let sale: Awaited<ReturnType<typeof createSaleEvent>>;

beforeAll(async () => {
  testApp = await startTestApp({ checkout: { ...testConfig().checkout, paymentLatencyMs: 0 } });
  sale = await createSaleEvent({ testApp, seatsPerRow: 12 });
});

afterAll(async () => {
  await testApp.close();
});

/** A promise the test resolves when it chooses: a provider call that hangs until then. */
const gate = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

/**
 * One provider instance (as one API replica or one sweeper has) over the shared Redis ledger.
 * `hang` makes the next call of that kind wait for the gate; 'chargeThenDie' charges, then throws.
 */
const providerInstance = () => {
  const ledger = createRedisSimulatedLedger({
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
  });
  const simulated = createSimulatedCardProcessor({ latencyMs: 0, ledger });
  const state = {
    hang: null as null | 'charge' | 'findCharge' | 'refund',
    chargeThenDie: false,
    hung: gate(),
    /** The hung call itself, to await its late answer. */
    late: null as Promise<unknown> | null,
    refunds: [] as string[],
  };
  const hangIf = <T>(kind: typeof state.hang, call: () => Promise<T>): Promise<T> => {
    if (state.hang !== kind) return call();
    state.hang = null;
    const late = state.hung.opened.then(call);
    state.late = late;
    return late;
  };
  const provider: PaymentProvider = {
    name: simulated.name,
    charge: (request) =>
      hangIf('charge', async () => {
        const charged = await simulated.charge(request);
        if (state.chargeThenDie) {
          state.chargeThenDie = false;
          throw new Error('injected: the replica died after charging');
        }
        return charged;
      }),
    findCharge: (paymentId) => hangIf('findCharge', () => simulated.findCharge(paymentId)),
    refund: (options) =>
      hangIf('refund', async () => {
        state.refunds.push(options.providerRef);
        await simulated.refund(options);
      }),
  };
  return { provider, state, ledger };
};

const setup = async () => {
  const instance = providerInstance();
  const callers = createCallers(testApp, instance.provider);
  Object.assign(callers.deps.checkout, {
    paymentLeaseMs: LEASE_MS,
    chargeTimeoutMs: PROVIDER_TIMEOUT_MS,
  });
  const fanRecord = await createFan(testApp);
  return { ...instance, callers, fan: callers.as(fanRecord), userId: fanRecord.user.id };
};

/** The worker's sweep with its own provider instance and the same lease and timeout. */
const sweepWith = (
  provider: PaymentProvider,
  callers: Awaited<ReturnType<typeof setup>>['callers'],
) => recoverStalePayments({ ...callers.deps.checkout, provider });

/** The attempt's rows look as old as the lease: what the clock would do, without sleeping. */
const ageAttempt = async (paymentId: string) => {
  await testApp.prisma.$executeRaw`
    UPDATE payments SET updated_at = now() - interval '1 hour' WHERE id = ${paymentId}::uuid`;
};

const paymentOf = (holdId: string) =>
  testApp.prisma.payment.findFirstOrThrow({ where: { holdId } });

describe('payment provider timeouts', () => {
  it('a pay that timed out on a hanging charge gives its lease back: the immediate retry finishes it, one charge, no refund', async () => {
    const { fan, state, ledger } = await setup();
    const seatIds = sale.rowA.slice(0, 2);
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds });
    const request = { holdId: hold.id, paymentMethod: SUCCESS_CARD, idempotencyKey: randomUUID() };
    state.hang = 'charge';

    await expect(fan.checkout.pay(request)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/slow to answer/),
    });
    expect(await paymentOf(hold.id)).toMatchObject({ status: 'PENDING', providerRef: null });

    // Same key, right away: the lease (60 s) was given back, so the retry takes over and asks.
    const retried = await fan.checkout.pay(request);
    expect(retried).toMatchObject({ status: 'SUCCEEDED', orderId: expect.any(String) });

    // The hung charge answers late, with the charge the retry made: one charge for the payment.
    state.hung.open();
    const late = await state.late;
    const payment = await paymentOf(hold.id);
    expect(late).toEqual(await ledger.findCharge(payment.id));
    expect(late).toMatchObject({ status: 'SUCCEEDED', providerRef: payment.providerRef });
    expect(state.refunds).toEqual([]);
    expect(await ledger.isRefunded(payment.providerRef!)).toBe(false);
    expect(await testApp.prisma.payment.count({ where: { holdId: hold.id } })).toBe(1);
    expect(await testApp.prisma.order.count({ where: { holdId: hold.id } })).toBe(1);
    expect(await fan.checkout.pay(request)).toEqual(retried);
  });

  it("a sweep whose findCharge hangs leaves the payment PENDING with its lease given back; the next pass confirms the dead replica's charge", async () => {
    const { callers, fan, state } = await setup();
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds: sale.rowA.slice(4, 6) });
    state.chargeThenDie = true;
    await expect(
      fan.checkout.pay({
        holdId: hold.id,
        paymentMethod: SUCCESS_CARD,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toThrow(/replica died/);
    const { id: paymentId } = await paymentOf(hold.id);
    await ageAttempt(paymentId);

    const hanging = providerInstance();
    hanging.state.hang = 'findCharge';
    const stalled = await sweepWith(hanging.provider, callers);
    expect(stalled.failed).toEqual([
      { paymentId, error: expect.stringMatching(/did not answer findCharge/) },
    ]);
    expect(await paymentOf(hold.id)).toMatchObject({ status: 'PENDING', providerRef: null });
    hanging.state.hung.open();

    // No aging this time: the timed-out sweep gave the lease back.
    const next = await sweepWith(providerInstance().provider, callers);
    expect(next.resolved).toContainEqual({ paymentId, status: 'SUCCEEDED' });
    expect(await testApp.prisma.order.count({ where: { holdId: hold.id } })).toBe(1);
  });

  it('a refund that times out in the sweep leaves the payment PENDING; a later pass refunds it once', async () => {
    const { callers, fan, state, ledger } = await setup();
    const hold = await fan.holds.create({ eventId: sale.event.id, seatIds: sale.rowB.slice(0, 2) });
    state.chargeThenDie = true;
    await expect(
      fan.checkout.pay({
        holdId: hold.id,
        paymentMethod: SUCCESS_CARD,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toThrow(/replica died/);
    await fan.holds.release({ holdId: hold.id });
    const { id: paymentId } = await paymentOf(hold.id);
    await ageAttempt(paymentId);

    const hanging = providerInstance();
    hanging.state.hang = 'refund';
    const stalled = await sweepWith(hanging.provider, callers);
    expect(stalled.failed).toEqual([
      { paymentId, error: expect.stringMatching(/did not answer refund/) },
    ]);
    expect(await paymentOf(hold.id)).toMatchObject({ status: 'PENDING' });

    await ageAttempt(paymentId);
    const healthy = providerInstance();
    const next = await sweepWith(healthy.provider, callers);
    expect(next.resolved).toContainEqual({ paymentId, status: 'REFUNDED' });
    const payment = await paymentOf(hold.id);
    expect(healthy.state.refunds).toEqual([payment.providerRef]);
    expect(await ledger.isRefunded(payment.providerRef!)).toBe(true);
    // The hung refund lands late: the ledger still holds one refund of the charge.
    hanging.state.hung.open();
    await hanging.state.late;
    expect(await testApp.prisma.order.count({ where: { holdId: hold.id } })).toBe(0);
  });
});
