// The set of events whose seat state lives in Redis: the reconcile and sweep ticks visit these.
// One plain set per deployment prefix (not hash-tagged: it is read whole, never inside a script).
import type { Redis } from 'ioredis';

export interface ActiveEventsOptions {
  redis: Redis;
  prefix: string;
}

export const activeEventsKey = (prefix: string) => `${prefix}seat-sync:active-events`;

/** Called when an event's seat state is loaded; idempotent. */
export const markEventActive = async ({
  redis,
  prefix,
  eventId,
}: ActiveEventsOptions & { eventId: string }): Promise<void> => {
  await redis.sadd(activeEventsKey(prefix), eventId);
};

export const unmarkEventActive = async ({
  redis,
  prefix,
  eventId,
}: ActiveEventsOptions & { eventId: string }): Promise<void> => {
  await redis.srem(activeEventsKey(prefix), eventId);
};

export const listActiveEvents = async ({ redis, prefix }: ActiveEventsOptions): Promise<string[]> =>
  (await redis.smembers(activeEventsKey(prefix))).sort();
