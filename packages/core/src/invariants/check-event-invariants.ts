// Proves DESIGN.md invariants 1 and 8 for one event: (a) no seat sold twice, and none sold in
// Postgres yet held or available in Redis; (b) sold + held <= capacity; (c) once the queues drain,
// Redis and Postgres agree seat by seat (sold set, live held seats with the same hold ids).
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import type {
  EventInvariantReport,
  InvariantName,
  InvariantResult,
  SeatMismatch,
} from './invariant-report.ts';
import {
  readDoubleSoldSeats,
  readEventHeader,
  readHeldSeats,
  readSeatLabels,
  readSoldSeatIds,
} from './invariants.repository.ts';
import { describeSeatValue, readRedisSeatView } from './redis-seat-view.ts';

export interface CheckEventInvariantsOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  eventId: string;
  /** How many mismatching seats each result lists. */
  maxMismatches?: number;
}

type Draft = { name: InvariantName; detail: string; seats: Array<Omit<SeatMismatch, 'seat'>> };

export const checkEventInvariants = async ({
  prisma,
  redis,
  prefix,
  eventId,
  maxMismatches = 20,
}: CheckEventInvariantsOptions): Promise<EventInvariantReport | null> => {
  const event = await readEventHeader(prisma, eventId);
  if (!event) return null;
  // Redis first: its clock is the instant both sides' live holds are judged at.
  const view = await readRedisSeatView({ redis, prefix, eventId });
  const at = new Date(view?.now ?? Date.now());
  const [doubles, soldIds, pgHeld] = await Promise.all([
    readDoubleSoldSeats(prisma, eventId),
    readSoldSeatIds(prisma, eventId),
    readHeldSeats(prisma, eventId, at),
  ]);
  const sold = new Set(soldIds);
  const drafts: Draft[] = [
    {
      name: 'no-double-sale',
      detail: `${doubles.length} seat(s) with more than one live sale`,
      seats: doubles.map((d) => ({
        seatId: d.seat_id,
        postgres: `sold ${d.sales} times`,
        redis: describeSeatValue(view?.raw.get(d.seat_id), at.getTime()),
      })),
    },
  ];
  const heldCount = view ? view.held.size : [...pgHeld.keys()].length;
  drafts.push({
    name: 'within-capacity',
    detail: `sold ${sold.size} + held ${heldCount} <= capacity ${event.capacity}`,
    seats: [],
  });
  const overCapacity = sold.size + heldCount > event.capacity;
  if (view) {
    const redisState = (seatId: number) => describeSeatValue(view.raw.get(seatId), view.now);
    const pgState = (seatId: number) =>
      sold.has(seatId)
        ? 'sold'
        : pgHeld.has(seatId)
          ? `held by ${pgHeld.get(seatId)!.join(', ')}`
          : 'available';
    const mismatch = (seatId: number) => ({
      seatId,
      postgres: pgState(seatId),
      redis: redisState(seatId),
    });
    drafts.push({
      name: 'sold-not-free-in-redis',
      detail: 'every seat sold in Postgres is sold in Redis',
      seats: soldIds.filter((id) => !view.sold.has(id)).map(mismatch),
    });
    const soldDiff = [...new Set([...sold, ...view.sold])].filter(
      (id) => sold.has(id) !== view.sold.has(id),
    );
    drafts.push({
      name: 'sold-seats-agree',
      detail: `Postgres ${sold.size} sold, Redis ${view.sold.size} sold`,
      seats: soldDiff.sort((a, b) => a - b).map(mismatch),
    });
    const heldIds = [...new Set([...pgHeld.keys(), ...view.held.keys()])];
    const heldDiff = heldIds.filter((id) => {
      const pg = pgHeld.get(id);
      return !pg || pg.length !== 1 || pg[0] !== view.held.get(id);
    });
    drafts.push({
      name: 'held-seats-agree',
      detail: `Postgres ${pgHeld.size} held, Redis ${view.held.size} held`,
      seats: heldDiff.sort((a, b) => a - b).map(mismatch),
    });
  }
  const shown = drafts.flatMap((d) => d.seats.slice(0, maxMismatches).map((s) => s.seatId));
  const labels = await readSeatLabels(prisma, [...new Set(shown)]);
  const checks: InvariantResult[] = drafts.map((d) => ({
    name: d.name,
    ok: d.name === 'within-capacity' ? !overCapacity : d.seats.length === 0,
    detail: d.detail,
    mismatchCount: d.seats.length,
    mismatches: d.seats
      .slice(0, maxMismatches)
      .map((s) => ({ ...s, seat: labels.get(s.seatId) ?? `#${s.seatId}` })),
  }));
  const applied = event.seatCursor ? Number(event.seatCursor.appliedVersion) : 0;
  return {
    eventId,
    title: event.title,
    ok: checks.every((c) => c.ok),
    loadedInRedis: view !== null,
    capacity: event.capacity,
    soldInPostgres: sold.size,
    heldInRedis: view?.held.size ?? 0,
    reconciliationLag: view ? Math.max(0, view.version - applied) : null,
    checkedAt: at.toISOString(),
    checks,
  };
};
