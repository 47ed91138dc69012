// 2,000 concurrent hold attempts by 500 fans on overlapping seats of one event, through the real
// HTTP API: every seat ends up in at most one successful hold, Redis agrees seat by seat, and once
// reconciliation has drained, Postgres mirrors Redis and the invariant checker passes.
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventKeys } from '@tessera/core/holds/keys';
import { DEFAULT_PER_FAN_SEAT_LIMIT } from '@tessera/core/checkout/event-sale-info';
import { checkEventInvariants } from '@tessera/core/invariants/check-event-invariants';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import { createFan, createSaleEvent } from '../../../testing/checkout-fixture.ts';
import { attemptHold, type HoldAttemptResult } from '../../../testing/hold-load.ts';
import { seatStateProblems } from '../../../testing/seat-state-consistency.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';

const FANS = 500;
const ATTEMPTS = 2_000;

let testApp: TestApp;
let baseUrl = '';
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
});

afterAll(async () => {
  agent.destroy();
  await testApp.close();
});

it('never gives one seat to two holds under 2,000 concurrent attempts, and Postgres converges', async () => {
  const sale = await createSaleEvent({ testApp, seatsPerRow: 30 });
  const seatIds = sale.seats.map((s) => s.id);
  const fans: string[] = [];
  for (let i = 0; i < FANS; i += 25) {
    const batch = await Promise.all(Array.from({ length: 25 }, () => createFan(testApp, 'crowd')));
    fans.push(...batch.map((fan) => `${testApp.config.sessionCookieName}=${fan.token}`));
  }
  // Deterministic spread: attempt i asks for 1..3 adjacent seats starting at a seat that many
  // other attempts also want; every fifth attempt asks for best available instead.
  const inputs = Array.from({ length: ATTEMPTS }, (_, i) => {
    if (i % 5 === 4) return { eventId: sale.event.id, quantity: 1 + (i % 3) };
    const start = (i * 7) % (seatIds.length - 3);
    return { eventId: sale.event.id, seatIds: seatIds.slice(start, start + 1 + (i % 3)) };
  });
  const results: HoldAttemptResult[] = await Promise.all(
    inputs.map((input, i) => attemptHold({ agent, baseUrl, cookie: fans[i % FANS]!, input })),
  );

  expect(results.filter((r) => r.status >= 500)).toEqual([]);
  const won = results.filter((r) => r.status === 200);
  const refused = results.filter((r) => r.status !== 200);
  expect(won.length).toBeGreaterThan(0);
  expect(refused.length).toBeGreaterThan(0);
  // Refusals are the domain's own: seat taken, stranded seat (CONFLICT) or the per-fan limit.
  const refusalCodes = new Set(['SEAT_TAKEN', 'CONFLICT', 'HOLD_LIMIT_REACHED']);
  expect(refused.filter((r) => !refusalCodes.has(r.code ?? ''))).toEqual([]);

  const holderOf = new Map<number, string>();
  for (const r of won) {
    for (const seatId of r.seatIds!) {
      expect(holderOf.get(seatId), `seat ${seatId} in two holds`).toBeUndefined();
      holderOf.set(seatId, r.holdId!);
    }
  }
  const keys = eventKeys({ prefix: testApp.config.redisPrefix, eventId: sale.event.id });
  const redisSeats = await testApp.redis.hgetall(keys.seats);
  const heldInRedis = new Map(
    Object.entries(redisSeats)
      .filter(([, value]) => value !== '0' && value !== 's')
      .map(([seatId, value]) => [Number(seatId), value.slice(value.indexOf(':') + 1)]),
  );
  expect(heldInRedis).toEqual(holderOf);
  expect(
    await seatStateProblems({
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      eventId: sale.event.id,
      perUserSeatLimit: DEFAULT_PER_FAN_SEAT_LIMIT,
    }),
  ).toEqual([]);

  // Drain: reconcile until the cursor reaches the event's version, as the worker would.
  const store = {
    prisma: testApp.prisma,
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
  };
  const version = Number(await testApp.redis.hget(keys.meta, 'version'));
  let cursorVersion = -1;
  for (let run = 0; run < 50 && cursorVersion < version; run++) {
    const result = await reconcileEvent({ ...store, eventId: sale.event.id });
    cursorVersion = result.cursor?.version ?? -1;
  }
  expect(cursorVersion).toBe(version);

  const mirrored = await testApp.prisma.holdSeat.findMany({
    where: { eventId: sale.event.id, hold: { status: 'ACTIVE' } },
    select: { seatId: true, holdId: true },
  });
  expect(new Map(mirrored.map((row) => [row.seatId, row.holdId]))).toEqual(holderOf);

  const report = await checkEventInvariants({ ...store, eventId: sale.event.id });
  expect(report?.loadedInRedis).toBe(true);
  expect(report?.checks.filter((c) => !c.ok)).toEqual([]);
  expect(report?.ok).toBe(true);
}, 120_000);
