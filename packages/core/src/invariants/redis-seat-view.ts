// One consistent read of an event's Redis seat state for the invariant checker: sold seats, live
// held seats with their hold ids, the version and Redis time (MULTI: nothing runs in between).
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';
import { decodeSeatValue, execAtomically, redisTimeMs } from '../holds/seat-state-codec.ts';

export interface RedisSeatView {
  version: number;
  now: number;
  sold: Set<number>;
  held: Map<number, string>;
  /** Every seat id Redis knows with its raw state, for naming mismatches. */
  raw: Map<number, string>;
}

export const describeSeatValue = (value: string | undefined, now: number): string => {
  if (value === undefined) return 'unknown';
  const seat = decodeSeatValue(value, now);
  if (seat.state === 'held') return `held by ${seat.holdId}`;
  return seat.state === 'available' && value !== '0' ? 'available (hold expired)' : seat.state;
};

/** Null when the event is not loaded in Redis. */
export const readRedisSeatView = async ({
  redis,
  prefix,
  eventId,
}: {
  redis: Redis;
  prefix: string;
  eventId: string;
}): Promise<RedisSeatView | null> => {
  const keys = eventKeys({ prefix, eventId });
  const [meta, seats, time] = (await execAtomically(
    redis.multi().hmget(keys.meta, 'loaded', 'version').hgetall(keys.seats).time(),
  )) as [[string | null, string | null], Record<string, string>, [string, string]];
  const [loaded, version] = meta;
  if (loaded !== '1') return null;
  const now = redisTimeMs(time);
  const view: RedisSeatView = {
    version: Number(version),
    now,
    sold: new Set(),
    held: new Map(),
    raw: new Map(),
  };
  for (const [id, value] of Object.entries(seats)) {
    const seatId = Number(id);
    view.raw.set(seatId, value);
    const seat = decodeSeatValue(value, now);
    if (seat.state === 'sold') view.sold.add(seatId);
    else if (seat.state === 'held') view.held.set(seatId, seat.holdId);
  }
  return view;
};
