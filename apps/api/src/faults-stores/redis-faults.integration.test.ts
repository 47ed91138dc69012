// Redis restarted empty, with the API in-process (store-fault-fixture.ts) on a PRIVATE Redis (5202)
// this test restarts and the shared test Postgres. What the HTTP sale test
// (stores-sale-http.integration.test.ts) cannot pin down: the exact fate of a pay in flight across
// the restart, of sold, reconciled and unreconciled holds, and the waiting-room gate put back by
// the rebuild itself (no worker runs here). Prints one report line per fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishWindow } from '@tessera/core/waiting-room/publish-window';
import type { TestApp } from '../testing/test-app.ts';
import { createFaultReport, retryWhileUnavailable } from './fault-fans.ts';
import { startPrivateRedis, type PrivateRedis } from './private-stores.ts';
import { createFaultSale, payWith, startFaultApp } from './store-fault-fixture.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redisServer: PrivateRedis | undefined;
let testApp: TestApp | undefined;

beforeAll(async () => {
  redisServer = await startPrivateRedis(5202);
  testApp = await startFaultApp({ redisUrl: redisServer.url });
}, 60_000);

afterAll(async () => {
  await testApp?.close().catch(() => undefined);
  await redisServer?.stop();
});

describe('Redis restarted empty mid-sale', () => {
  it('Redis restarted empty: rebuilt from Postgres, sold and reconciled seats stay taken, lost holds fail cleanly at pay', async () => {
    const s = await createFaultSale(testApp!);
    const report = createFaultReport('redis-restarted-empty');
    const [buyer, reconciled, unreconciled] = [await s.fan(), await s.fan(), await s.fan()];
    const rivals = await Promise.all(Array.from({ length: 12 }, () => s.fan()));
    const sold = s.rowA.slice(0, 2);
    const kept = s.rowA.slice(2, 4);
    const lost = s.rowA.slice(4, 6);

    const bought = await buyer.api.holds.create({ eventId: s.eventId, seatIds: sold });
    const paid = await buyer.api.checkout.pay({ holdId: bought.id, ...payWith() });
    expect(paid.status).toBe('SUCCEEDED');
    const keptHold = await reconciled.api.holds.create({ eventId: s.eventId, seatIds: kept });
    // This fan's reconciled hold is paid for while Redis goes away (retrying 503 with one key).
    const inFlight = await s.fan();
    const inFlightSeats = s.rowB.slice(0, 2);
    const inFlightHold = await inFlight.api.holds.create({
      eventId: s.eventId,
      seatIds: inFlightSeats,
    });
    await s.drainAndCheck(); // the worker has mirrored everything so far into Postgres
    const lostHold = await unreconciled.api.holds.create({ eventId: s.eventId, seatIds: lost });

    // Redis goes away; fans keep trying while it is down and after it is back empty.
    // The pay starts (simulated processor: 100 ms) just before Redis goes away.
    const inFlightRequest = { holdId: inFlightHold.id, ...payWith() };
    const paying = (async () => {
      let outcome = await report.call(() => inFlight.api.checkout.pay(inFlightRequest));
      for (let i = 0; i < 60 && outcome.data?.status !== 'SUCCEEDED'; i++) {
        await sleep(150);
        outcome = await report.call(() => inFlight.api.checkout.pay(inFlightRequest));
      }
      return outcome;
    })();
    report.faultStarted();
    await sleep(20);
    await redisServer!.kill();
    const downFor = sleep(400).then(() => redisServer!.start());
    const rivalSeats: number[] = [];
    const [inFlightPay] = await Promise.all([
      paying,
      downFor,
      ...rivals.map(async (rival, index) => {
        const wanted = [...sold, ...kept, ...lost, s.rowA[6]!, s.rowA[7]!][index % 8]!;
        const hold = await retryWhileUnavailable(() =>
          report.call(() =>
            index % 3 === 0
              ? rival.api.holds.create({ eventId: s.eventId, quantity: 1 })
              : rival.api.holds.create({ eventId: s.eventId, seatIds: [wanted] }),
          ),
        );
        if (hold.data) {
          report.succeeded();
          rivalSeats.push(...hold.data.seats.map((seat) => seat.seatId));
        }
      }),
    ]);
    const keptPay = await retryWhileUnavailable(() =>
      report.call(() => reconciled.api.checkout.pay({ holdId: keptHold.id, ...payWith() })),
    );
    const lostPay = await retryWhileUnavailable(() =>
      report.call(() => unreconciled.api.checkout.pay({ holdId: lostHold.id, ...payWith() })),
    );
    const check = await s.drainAndCheck();
    print(report.line());

    // Nothing a fan bought, and no reconciled hold, went to a rival after the rebuild.
    expect(rivalSeats.filter((id) => sold.includes(id) || kept.includes(id))).toEqual([]);
    // The payment in flight across the restart ends in a sale, confirmed in Postgres.
    expect(inFlightPay.data?.status).toBe('SUCCEEDED');
    expect(rivalSeats.filter((id) => inFlightSeats.includes(id))).toEqual([]);
    expect(keptPay.data?.status).toBe('SUCCEEDED');
    // The unreconciled hold is gone (DESIGN 2.3): its fan is told so, never charged.
    expect(lostPay).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await testApp!.prisma.payment.count({ where: { holdId: lostHold.id } })).toBe(0);
    expect(report.serverErrors()).toEqual([]);
    expect(rivalSeats.length).toBeGreaterThan(0);
    const confirmed = await s.confirmedSeats();
    expect(confirmed.sort()).toEqual([...sold, ...kept, ...inFlightSeats].sort());
    expect(check.ok).toBe(true);
  }, 60_000);

  it('Redis restarted empty during a waiting-room window: holds still need an admission pass', async () => {
    const s = await createFaultSale(testApp!);
    const report = createFaultReport('redis-restarted-waiting-room');
    const window = await testApp!.prisma.onSaleWindow.create({
      data: {
        eventId: s.eventId,
        name: 'General sale',
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 3_600_000),
        status: 'OPEN',
        admissionRatePerMinute: 60,
      },
    });
    await publishWindow({ ...s.store, windowId: window.id }); // as the admin's schedule call does
    const fan = await s.fan();
    const tryHold = () =>
      report.call(() => fan.api.holds.create({ eventId: s.eventId, quantity: 1 }));
    const before = await tryHold();
    report.faultStarted();
    await redisServer!.kill();
    await redisServer!.start();
    // No worker runs here: nothing but the rebuild itself can put the gate back.
    const after = await retryWhileUnavailable(tryHold);
    if (after.status !== 503) report.succeeded();
    print(report.line());
    expect(before).toMatchObject({ status: 403, code: 'ADMISSION_REQUIRED' });
    expect(after).toMatchObject({ status: 403, code: 'ADMISSION_REQUIRED' });
    expect(report.serverErrors()).toEqual([]);
  }, 30_000);
});
