// After a fault: wait until the worker has drained (reconciliation lag 0 and the invariant checker
// passes, or the time is up), then gather what the fault tests assert: seats in two confirmed
// orders, the acknowledged sales that are confirmed orders, and the seat map a fan loads (a fresh
// seats.snapshot through nginx) against sold seats in Postgres and held seats in Redis.
import type { Redis } from 'ioredis';
import { expect } from 'vitest';
import { eventKeys } from '@tessera/core/holds/keys';
import { checkInvariants } from '@tessera/core/invariants/check-invariants';
import type { PrismaClient } from '@tessera/db/client';
import { createSaleClient } from '../scale/flash-sale-fans.ts';
import { SESSION_COOKIE } from './fault-stack.ts';
import type { Acknowledged } from './sale-driver.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);

export const drainAndVerify = async ({
  prisma,
  redis,
  redisPrefix,
  eventId,
  baseUrl,
  acknowledged,
  timeoutMs = 30_000,
}: {
  prisma: PrismaClient;
  redis: Redis;
  redisPrefix: string;
  eventId: string;
  /** nginx: where the fresh seat map is loaded from. */
  baseUrl: string;
  acknowledged: Acknowledged[];
  timeoutMs?: number;
}) => {
  const check = () => checkInvariants({ prisma, redis, prefix: redisPrefix, eventIds: [eventId] });
  const until = Date.now() + timeoutMs;
  let invariants = await check();
  while ((invariants.events[0]?.reconciliationLag !== 0 || !invariants.ok) && Date.now() < until) {
    await sleep(200);
    invariants = await check();
  }
  const drainedAt = Date.now();

  const doubleSold = await prisma.$queryRaw<{ seat_id: number }[]>`
    SELECT os.seat_id FROM order_seats os JOIN orders o ON o.id = os.order_id
    WHERE os.event_id = ${eventId}::uuid AND o.status = 'CONFIRMED' AND os.sold_guard
    GROUP BY os.seat_id HAVING count(*) > 1`;
  const confirmed = await prisma.order.findMany({
    where: { id: { in: acknowledged.map((a) => a.orderId) }, status: 'CONFIRMED' },
    select: { id: true },
  });
  const eventOrders = await prisma.order.count({ where: { eventId, status: 'CONFIRMED' } });
  const soldInPostgres = await prisma.orderSeat.findMany({
    where: { eventId, soldGuard: true, order: { status: 'CONFIRMED' } },
    select: { seatId: true },
  });

  // A hold whose expiry falls between the snapshot and the Redis read is counted on neither side.
  const reader = createSaleClient({ baseUrl, cookieName: SESSION_COOKIE, maxSockets: 1 });
  const before = Date.now();
  const snapshot = (await reader.call({ token: 'anonymous' }, 'GET', 'seats.snapshot', { eventId }))
    .data as { seatIds: number[]; statuses: string };
  const redisSeats = await redis.hgetall(eventKeys({ prefix: redisPrefix, eventId }).seats);
  const after = Date.now();
  reader.close();
  const expiries = new Map(
    Object.entries(redisSeats)
      .filter(([, v]) => v !== '0' && v !== 's')
      .map(([seatId, v]) => [Number(seatId), Number(v.split(':')[0])]),
  );
  const undecided = (seatId: number) => {
    const expiresAt = expiries.get(seatId);
    return expiresAt !== undefined && expiresAt >= before && expiresAt <= after;
  };
  const onMap = (status: string) =>
    ascending(snapshot.seatIds.filter((_, i) => snapshot.statuses[i] === status));

  return {
    invariants,
    drainedAt,
    doubleSold,
    confirmedIds: confirmed.map((o) => o.id),
    /** Confirmed orders of the event, acknowledged to their fan or not. */
    eventOrders,
    acknowledgedSeats: acknowledged.reduce((n, a) => n + a.seats, 0),
    soldInPostgres: ascending(soldInPostgres.map((s) => s.seatId)),
    capacity: snapshot.seatIds.length,
    mapSold: onMap('s'),
    mapHeld: onMap('h').filter((id) => !undecided(id)),
    heldInRedis: ascending(
      [...expiries].filter(([id, at]) => at > after && !undecided(id)).map(([id]) => id),
    ),
  };
};

export type SaleVerdict = Awaited<ReturnType<typeof drainAndVerify>>;

/**
 * What every fault must leave behind: nothing sold twice, every sale acknowledged to a fan a
 * confirmed order, the worker drained with the invariant checker passing, and a seat map equal to
 * Postgres (sold) plus Redis (held).
 */
export const expectConverged = (verdict: SaleVerdict, acknowledged: Acknowledged[]) => {
  expect(verdict.doubleSold).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(0);
  expect([...verdict.confirmedIds].sort()).toEqual(acknowledged.map((a) => a.orderId).sort());
  expect(verdict.soldInPostgres.length).toBeGreaterThanOrEqual(verdict.acknowledgedSeats);
  expect(verdict.soldInPostgres.length).toBeLessThanOrEqual(verdict.capacity);
  expect(verdict.invariants.events[0]?.reconciliationLag).toBe(0);
  // The checker's report names the failing check and seats.
  expect(verdict.invariants.ok, JSON.stringify(verdict.invariants).slice(0, 3_000)).toBe(true);
  expect(verdict.mapSold).toEqual(verdict.soldInPostgres);
  expect(verdict.mapHeld).toEqual(verdict.heldInRedis);
};
