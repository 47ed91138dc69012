// How many seats of an event are sold (Postgres) and held right now (Redis when it holds the
// event, else the reconciled holds in Postgres): what decides whether an event may be unpublished.
import { eventKeys } from '../holds/keys.ts';
import { execAtomically, parseHoldRecord, redisTimeMs } from '../holds/seat-state-codec.ts';
import type { AdminDeps } from './admin-deps.ts';

export interface SaleActivity {
  soldSeats: number;
  heldSeats: number;
}

const heldInRedis = async (deps: AdminDeps, eventId: string): Promise<number | null> => {
  const keys = eventKeys({ prefix: deps.prefix, eventId });
  const [loaded, records, time] = (await execAtomically(
    deps.redis.multi().hget(keys.meta, 'loaded').hgetall(keys.holds).time(),
  )) as [string | null, Record<string, string>, [string, string]];
  if (loaded !== '1') return null;
  const now = redisTimeMs(time);
  let held = 0;
  for (const [holdId, raw] of Object.entries(records)) {
    const hold = parseHoldRecord(holdId, eventId, raw);
    if (hold.status === 'h' && hold.expiresAt > now) held += hold.seatIds.length;
  }
  return held;
};

export const readSaleActivity = async (
  deps: AdminDeps,
  eventId: string,
  now = new Date(),
): Promise<SaleActivity> => {
  const [soldSeats, redisHeld, pgHeld] = await Promise.all([
    deps.prisma.orderSeat.count({ where: { eventId, soldGuard: true } }),
    heldInRedis(deps, eventId),
    deps.prisma.holdSeat.count({
      where: { eventId, expiresAt: { gt: now }, hold: { status: 'ACTIVE' } },
    }),
  ]);
  return { soldSeats, heldSeats: redisHeld ?? pgHeld };
};
