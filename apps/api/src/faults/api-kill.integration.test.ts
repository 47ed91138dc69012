// Fault: an API replica SIGKILLed mid-sale. Two replicas, the worker and Debian's nginx
// (scripts/scale.mjs, ports 5100–5102, worker metrics 5149) and FAULT_FANS fans (default 240) for
// 200 seats driven through nginx (sale-driver.ts: retries of transport errors and 502/503/504 with
// the same idempotency key, as the web app does). Before the sale a probe fan holds a seat through
// replica 1 directly; once fans are holding, replica 1 (and the node process tsx runs it in) is
// SIGKILLed. Proves: replica 2 keeps serving (nearly every answer after the kill succeeds, nginx
// stops sending to the dead one), the probe's session and hold survive (holds.mine and
// checkout.pay through nginx, answered by replica 2), no seat sold twice, every sale acknowledged
// to a fan is a confirmed order in Postgres, the invariant checker passes after the drain, and a
// fresh seats.snapshot equals Postgres (sold) + Redis (held). Prints the per-fault report.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventKeys } from '@tessera/core/holds/keys';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { checkInvariants } from '@tessera/core/invariants/check-invariants';
import { createPrismaClient } from '@tessera/db/client';
import { startScale, type ScaleStack } from '../../../../scripts/scale.mjs';
import { createJoinFixture, type JoinFixture } from '../bench/join-fixture.ts';
import { SUCCESS_CARD } from '../testing/checkout-fixture.ts';
import { createSaleClient } from '../scale/flash-sale-fans.ts';
import { sigkillTree } from './processes.ts';
import { createFaultSale, faultReport } from './sale-driver.ts';

const FANS = Number(process.env.FAULT_FANS ?? 240);
const COOKIE = 'tessera_session';
const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 4 });
const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
const redisPrefix = `faults-api:${randomUUID().slice(0, 8)}:`;
let stack: ScaleStack;
let fixture: JoinFixture;

beforeAll(async () => {
  const [fixtureResult, stackResult] = await Promise.allSettled([
    createJoinFixture({ prisma, redis, redisPrefix, fans: FANS + 1, admitPerMinute: 60_000 }),
    startScale({
      replicas: 2,
      port: 5100,
      databaseUrl: process.env.DATABASE_URL!,
      redisUrl: process.env.REDIS_URL!,
      redisPrefix,
      output: process.env.FAULT_LOGS === '1' ? 'inherit' : 'quiet',
      env: {
        LOG_LEVEL: process.env.FAULT_LOGS === '1' ? 'warn' : 'error',
        // Every fan reaches the API from nginx on 127.0.0.1: lift the per-IP budgets.
        WAITING_ROOM_JOIN_LIMIT_PER_IP: String(FANS * 10),
        WAITING_ROOM_STATUS_LIMIT_PER_IP: String(FANS * 100),
        PAYMENT_SIMULATED_LATENCY_MS: '20',
        WAITING_ROOM_EVERY_MS: '250',
      },
    }),
  ]);
  if (stackResult.status === 'fulfilled') stack = stackResult.value;
  if (fixtureResult.status === 'rejected') throw fixtureResult.reason;
  if (stackResult.status === 'rejected') throw stackResult.reason;
  fixture = fixtureResult.value;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([prisma.$disconnect(), redis.quit()]);
});

describe('an API replica SIGKILLed mid-sale', () => {
  it('the other replica keeps serving; holds and sessions survive; nothing sold twice or lost', async () => {
    const { eventId } = fixture;
    const [one, two] = stack.replicas;

    // The probe fan: admitted and holding one seat through replica 1 before the kill.
    const probe = fixture.fans[FANS]!;
    const onOne = createSaleClient({ baseUrl: one!.url, cookieName: COOKIE, maxSockets: 2 });
    await onOne.call(probe, 'POST', 'waitingRoom.join', { eventId });
    let token: string | undefined;
    for (let tries = 0; !token && tries < 100; tries++) {
      const { data } = await onOne.call(probe, 'GET', 'waitingRoom.status', { eventId });
      token = (data as { admission: { token: string } | null } | undefined)?.admission?.token;
      if (!token) await sleep(200);
    }
    const probeHold = await onOne.call(probe, 'POST', 'holds.create', {
      eventId,
      quantity: 1,
      admissionToken: token,
      idempotencyKey: randomUUID(),
    });
    expect(probeHold.errorCode).toBeUndefined();
    const probeHoldId = (probeHold.data as { id: string }).id;
    expect(onOne.stats.servedBy).toEqual({ 'api-1': onOne.stats.responses });
    onOne.close();

    // The sale through nginx; fans arrive over three seconds.
    const sale = createFaultSale({ baseUrl: stack.url, cookieName: COOKIE, maxSockets: 64 });
    const deadline = Date.now() + 60_000;
    const started = Date.now();
    const fans = Promise.all(
      fixture.fans.slice(0, FANS).map(async (fan, index) => {
        await sleep((index / FANS) * 3_000);
        await sale.runFan({ fan, index, eventId, deadline });
      }),
    );

    // Mid-sale: once fans are holding seats, SIGKILL replica 1.
    while ((sale.outcomes.held ?? 0) < 25 && Date.now() < deadline) await sleep(20);
    const servedBeforeKill = { ...sale.stats.servedBy };
    const killed = sigkillTree(one!.pid!);
    const killedAt = Date.now();
    // Answers replica 1 had already sent when it died may still arrive; a second later none can.
    let servedSettled = { ...sale.stats.servedBy };
    const settle = setTimeout(() => (servedSettled = { ...sale.stats.servedBy }), 1_000);

    // The probe fan, through nginx: its session and its hold made on replica 1 are still there,
    // and it can pay for it.
    const probeClient = createFaultSale({ baseUrl: stack.url, cookieName: COOKIE, maxSockets: 2 });
    const mine = await probeClient.call(probe, 'GET', 'holds.mine', { eventId });
    const probePay = await probeClient.call(probe, 'POST', 'checkout.pay', {
      holdId: probeHoldId,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    });
    probeClient.close();

    await fans;
    clearTimeout(settle);
    const seconds = (Date.now() - started) / 1000;
    sale.close();
    const report = faultReport(sale.timeline, killedAt);
    const servedAfterKill = Object.fromEntries(
      Object.entries(sale.stats.servedBy).map(([id, n]) => [id, n - (servedBeforeKill[id] ?? 0)]),
    );

    // Drain: the worker reconciles every change into Postgres.
    const check = () =>
      checkInvariants({ prisma, redis, prefix: redisPrefix, eventIds: [eventId] });
    let invariants = await check();
    for (
      let i = 0;
      i < 150 && (invariants.events[0]?.reconciliationLag !== 0 || !invariants.ok);
      i++
    ) {
      await sleep(200);
      invariants = await check();
    }
    const drainedAt = Date.now();

    // Postgres: no seat in two confirmed orders; every acknowledged sale is a confirmed order.
    const doubleSold = await prisma.$queryRaw<{ seat_id: number }[]>`
      SELECT os.seat_id FROM order_seats os JOIN orders o ON o.id = os.order_id
      WHERE os.event_id = ${eventId}::uuid AND o.status = 'CONFIRMED' AND os.sold_guard
      GROUP BY os.seat_id HAVING count(*) > 1`;
    const acknowledged = [
      ...sale.acknowledged,
      ...((probePay.data as { orderId: string | null } | undefined)?.orderId
        ? [
            {
              orderId: (probePay.data as { orderId: string }).orderId,
              holdId: probeHoldId,
              seats: 1,
            },
          ]
        : []),
    ];
    const confirmed = await prisma.order.findMany({
      where: { id: { in: acknowledged.map((a) => a.orderId) }, status: 'CONFIRMED' },
      select: { id: true, _count: { select: { seats: true } } },
    });
    const soldInPostgres = await prisma.orderSeat.findMany({
      where: { eventId, soldGuard: true, order: { status: 'CONFIRMED' } },
      select: { seatId: true },
    });

    // The seat map converges: a fresh snapshot (through nginx) = sold in Postgres + held in Redis.
    const reader = createSaleClient({ baseUrl: stack.url, cookieName: COOKIE, maxSockets: 1 });
    const snapshot = (
      await reader.call({ token: 'anonymous' }, 'GET', 'seats.snapshot', { eventId })
    ).data as { seatIds: number[]; statuses: string };
    const redisSeats = await redis.hgetall(eventKeys({ prefix: redisPrefix, eventId }).seats);
    reader.close();
    const now = Date.now();
    const mapSold = snapshot.seatIds
      .filter((_, i) => snapshot.statuses[i] === 's')
      .sort((a, b) => a - b);
    const mapHeld = snapshot.seatIds
      .filter((_, i) => snapshot.statuses[i] === 'h')
      .sort((a, b) => a - b);
    const heldInRedis = Object.entries(redisSeats)
      .filter(([, v]) => v !== '0' && v !== 's' && Number(v.split(':')[0]) > now)
      .map(([seatId]) => Number(seatId))
      .sort((a, b) => a - b);

    const ackSeats = acknowledged.reduce((n, a) => n + a.seats, 0);
    print(
      [
        `\nFault: API replica 1 SIGKILLed mid-sale (pids ${killed.join(', ')}) — ${FANS} fans, 200 seats, ${seconds.toFixed(1)} s`,
        `  requests served: ${sale.timeline.length - sale.timeline.filter((a) => a.failed).length} of ${sale.timeline.length} answers; after the kill ${report.servedAfter} ok, ${report.failedAfter} failed; per replica after the kill ${JSON.stringify(servedAfterKill)}`,
        `  errors seen by fans after the kill: ${JSON.stringify(report.errorsSeen)} (${sale.retried()} retries in all, same idempotency key)`,
        `  outcomes ${JSON.stringify(sale.outcomes)} (pay:PENDING / pay:CONFLICT: the pay attempt died with replica 1; the retry is told "being processed" until its 60 s payment lease lapses or the worker's recovery tick finishes it); acknowledged ${acknowledged.length} sales / ${ackSeats} seats, ${confirmed.length} confirmed in Postgres, ${soldInPostgres.length} seats sold in Postgres`,
        `  probe fan (held on replica 1): holds.mine ${mine.status}, pay ${(probePay.data as { status?: string } | undefined)?.status ?? probePay.errorCode}`,
        `  recovery: last failed answer ${report.recoveryMs} ms after the kill; drained (lag 0, invariants ${invariants.ok ? 'PASS' : 'FAIL'}) ${drainedAt - killedAt} ms after the kill`,
      ].join('\n'),
    );

    // Replica 2 keeps serving: nearly every answer after the kill succeeds, none from replica 1.
    expect(report.servedAfter).toBeGreaterThan(0);
    expect(report.servedAfter).toBeGreaterThan(report.failedAfter * 4);
    // Every failure a fan saw was absorbed by its retry: no journey ended on a 502/503/504 or
    // a broken connection.
    expect(Object.keys(sale.outcomes).filter((k) => /HTTP_50|TRANSPORT|:50[234]/.test(k))).toEqual(
      [],
    );
    expect(sale.stats.servedBy['api-1']).toBe(servedSettled['api-1']);
    expect(servedAfterKill[two!.id]).toBeGreaterThan(0);
    expect(Object.keys(sale.stats.serverErrors).filter((k) => !/:50[234]$/.test(k))).toEqual([]);
    // The probe fan's session and hold survived the replica that made them.
    const mineHolds = (mine.data as { holds: Array<{ id: string }> } | undefined)?.holds ?? [];
    expect(mineHolds.map((h) => h.id)).toContain(probeHoldId);
    expect(probePay.data).toMatchObject({ status: 'SUCCEEDED' });
    // Nothing sold twice; every sale acknowledged to a fan is in Postgres.
    expect(doubleSold).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(confirmed.map((o) => o.id).sort()).toEqual(acknowledged.map((a) => a.orderId).sort());
    expect(soldInPostgres.length).toBeGreaterThanOrEqual(ackSeats);
    expect(soldInPostgres.length).toBeLessThanOrEqual(snapshot.seatIds.length);
    // Drained: invariants pass; the seat map equals Postgres + Redis.
    expect(invariants.events[0]?.reconciliationLag).toBe(0);
    expect(invariants.ok).toBe(true);
    expect(mapSold).toEqual(soldInPostgres.map((s) => s.seatId).sort((a, b) => a - b));
    expect(mapHeld).toEqual(heldInRedis);
  }, 150_000);
});
