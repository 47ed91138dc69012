// The set of events whose seat state lives in Redis: the reconcile and sweep ticks visit these.
// One plain set per deployment prefix (not hash-tagged: it is read whole, never inside a script;
// so nothing here may combine it with an event's keys in one MULTI or pipeline).
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';

export interface ActiveEventsOptions {
  redis: Redis;
  prefix: string;
}

export const activeEventsKey = (prefix: string) => `${prefix}seat-sync:active-events`;
const appliedKey = (prefix: string) => `${prefix}seat-sync:applied`;

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
  // Two commands, not MULTI: the keys sit in different cluster slots, and `applied` is a cache.
  await redis.srem(activeEventsKey(prefix), eventId);
  await redis.hdel(appliedKey(prefix), eventId);
};

export const listActiveEvents = async ({ redis, prefix }: ActiveEventsOptions): Promise<string[]> =>
  (await redis.smembers(activeEventsKey(prefix))).sort();

/** Remembers how far Postgres has applied an event (a cache of its cursor, for the tick). */
export const recordAppliedVersion = async ({
  redis,
  prefix,
  eventId,
  version,
}: ActiveEventsOptions & { eventId: string; version: number }): Promise<void> => {
  await redis.hset(appliedKey(prefix), eventId, String(version));
};

/**
 * Active events whose Redis version is past the last applied one (or never recorded), so an idle
 * event costs the tick one pipelined read instead of a Postgres transaction. Events whose seat
 * state is gone are skipped: nothing to reconcile until a reload appends its `load` entry.
 */
export const listEventsBehind = async (options: ActiveEventsOptions): Promise<string[]> => {
  const eventIds = await listActiveEvents(options);
  if (eventIds.length === 0) return [];
  // Concurrent single-key reads, not one pipeline: on a cluster each event's meta lives in its
  // own slot (a pipeline must stay on one node); on one Redis they still share the socket.
  const [versions, applied] = await Promise.all([
    Promise.all(
      eventIds.map((eventId) =>
        options.redis.hget(eventKeys({ ...options, eventId }).meta, 'version'),
      ),
    ),
    options.redis.hmget(appliedKey(options.prefix), ...eventIds),
  ]);
  return eventIds.filter((_, i) => {
    const version = versions[i] ?? null;
    return version !== null && (applied[i] === null || Number(version) > Number(applied[i]));
  });
};
