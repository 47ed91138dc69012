// One consistent read of an event's Redis seat state for the invariant checker: sold seats, live
// held seats with their hold ids, the version and Redis time (MULTI: nothing runs in between).
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';

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
  if (value === '0') return 'available';
  if (value === 's') return 'sold';
  const [expiresAt, holdId] = value.split(':') as [string, string];
  return Number(expiresAt) > now ? `held by ${holdId}` : 'available (hold expired)';
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
  const replies = await redis
    .multi()
    .hmget(keys.meta, 'loaded', 'version')
    .hgetall(keys.seats)
    .time()
    .exec();
  if (!replies) throw new Error('Seat view transaction was aborted');
  const failed = replies.find(([error]) => error);
  if (failed) throw failed[0];
  const [[, meta], [, seats], [, time]] = replies as Array<[null, unknown]> &
    [[null, unknown], [null, unknown], [null, unknown]];
  const [loaded, version] = meta as [string | null, string | null];
  if (loaded !== '1') return null;
  const [seconds, micros] = time as [string, string];
  const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  const view: RedisSeatView = {
    version: Number(version),
    now,
    sold: new Set(),
    held: new Map(),
    raw: new Map(),
  };
  for (const [id, value] of Object.entries(seats as Record<string, string>)) {
    const seatId = Number(id);
    view.raw.set(seatId, value);
    if (value === 's') view.sold.add(seatId);
    else if (value !== '0') {
      const [expiresAt, holdId] = value.split(':') as [string, string];
      if (Number(expiresAt) > now) view.held.set(seatId, holdId);
    }
  }
  return view;
};
