// Payment provider faults, with the API in-process (store-fault-fixture.ts) on the shared test
// stores and a provider the test controls: slow (the paying fan's hold outlives its TTL while a
// rival tries for the seats) and hanging (the API's charge timeout answers 503; the retry finishes
// the payment once). The charge timeout has no environment knob, so HTTP cannot set it up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import type { TestApp } from '../testing/test-app.ts';
import { createFaultReport } from './fault-fans.ts';
import { createFaultSale, payWith, startFaultApp } from './store-fault-fixture.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let testApp: TestApp | undefined;

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
  testApp = await startFaultApp({});
}, 60_000);

afterAll(async () => {
  await testApp?.close().catch(() => undefined);
});

describe('payment provider faults mid-sale', () => {
  it('slow payment provider: the paying fan keeps their seats past the hold TTL; rivals are refused', async () => {
    // Holds last 500 ms unless extended; paying extends them by 5 s; the provider takes 1.5 s.
    const s = await createFaultSale(testApp!, { provider: slowProvider(1_500), holdTtlMs: 500 });
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
    const s = await createFaultSale(testApp!, { provider: hanging, holdTtlMs: 500 });
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
    expect(await testApp!.prisma.payment.count({ where: { holdId: hold.id } })).toBe(1);
    expect(inner.refunds.size).toBe(0);
    expect((await s.confirmedSeats()).sort()).toEqual([...seats].sort());
    expect(report.serverErrors()).toEqual([]);
    expect(check.ok).toBe(true);
  }, 30_000);
});
