// Postgres restarted while fans pay, with the API in-process (store-fault-fixture.ts) on a PRIVATE
// Postgres (5201) this test restarts and the shared test Redis. Fans retry until they get a final
// answer, so unlike the HTTP sale test (stores-sale-http.integration.test.ts, where a pay cut short
// may stay PENDING for its payment lease) every confirmed seat must belong to an order its fan was
// told about. Prints one report line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../testing/test-app.ts';
import { createFaultReport } from './fault-fans.ts';
import { startPrivatePostgres, type PrivatePostgres } from './private-stores.ts';
import { createFaultSale, payWith, startFaultApp, type FaultSale } from './store-fault-fixture.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let postgres: PrivatePostgres | undefined;
let testApp: TestApp | undefined;

beforeAll(async () => {
  postgres = await startPrivatePostgres(5201);
  testApp = await startFaultApp({ databaseUrl: postgres.url });
}, 60_000);

afterAll(async () => {
  await testApp?.close().catch(() => undefined);
  await postgres?.stop();
});

/** Four fans, each holding two neighbouring seats of row B (no single seat left stranded). */
const holdPairs = async (s: FaultSale) => {
  const fans = await Promise.all([0, 1, 2, 3].map(() => s.fan()));
  const holds = await Promise.all(
    fans.map((f, i) =>
      f.api.holds.create({ eventId: s.eventId, seatIds: s.rowB.slice(2 * i, 2 * i + 2) }),
    ),
  );
  return { fans, holds };
};

describe('Postgres restarted mid-sale', () => {
  it('Postgres restarted while fans pay: every SUCCEEDED answer has a committed order, none confirmed without one', async () => {
    const s = await createFaultSale(testApp!);
    const report = createFaultReport('postgres-restarted');
    const { fans, holds } = await holdPairs(s);
    report.faultStarted();
    const restart = sleep(50).then(() => postgres!.restart());
    const answers = await Promise.all([
      restart,
      ...fans.map(async (f, i) => {
        const request = { holdId: holds[i]!.id, ...payWith() };
        // A fan retries 503 and "still in progress" with the same key until a final answer.
        for (let attempt = 0; attempt < 80; attempt++) {
          const outcome = await report.call(() => f.api.checkout.pay(request));
          if (outcome.data && outcome.data.status !== 'PENDING') {
            report.succeeded();
            return outcome.data;
          }
          await sleep(150);
        }
        return null;
      }),
    ]);
    const paid = answers.slice(1);
    const check = await s.drainAndCheck();
    print(report.line());

    expect(paid.every((answer) => answer !== null)).toBe(true);
    const succeeded = paid.filter((answer) => answer?.status === 'SUCCEEDED');
    const orders = await testApp!.prisma.order.findMany({
      where: { id: { in: succeeded.map((answer) => answer!.orderId!) }, status: 'CONFIRMED' },
    });
    expect(orders).toHaveLength(succeeded.length);
    // Every confirmed seat in Postgres belongs to an order reported to its fan as SUCCEEDED.
    const reported = await testApp!.prisma.orderSeat.count({
      where: { orderId: { in: orders.map((order) => order.id) }, soldGuard: true },
    });
    expect((await s.confirmedSeats()).length).toBe(reported);
    expect(succeeded.length).toBeGreaterThan(0);
    expect(report.serverErrors()).toEqual([]);
    expect(check.ok).toBe(true);
  }, 90_000);
});
