// Reads hold records from an event's Redis `holds` hash (format in holds/keys.ts) and keeps a
// per-fan index holdId -> eventId, so calls that carry only a hold id find the event's keys.
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';
import { parseHoldRecord } from '../holds/seat-state-codec.ts';

import type { HoldRecord } from '../holds/seat-state-codec.ts';

export type { HoldRecord };

interface StoreOptions {
  redis: Redis;
  prefix: string;
}

export const readHoldRecords = async ({
  redis,
  prefix,
  eventId,
  holdIds,
}: StoreOptions & { eventId: string; holdIds: string[] }): Promise<Array<HoldRecord | null>> => {
  if (holdIds.length === 0) return [];
  const raws = await redis.hmget(eventKeys({ prefix, eventId }).holds, ...holdIds);
  return raws.map((raw, i) => (raw ? parseHoldRecord(holdIds[i]!, eventId, raw) : null));
};

/** A fan's index lives a day past its last write; holds never live that long. */
const INDEX_TTL_SECONDS = 86_400;
const fanIndexKey = (prefix: string, userId: string) => `${prefix}fan:${userId}:holds`;

export const rememberFanHold = async ({
  redis,
  prefix,
  userId,
  holdId,
  eventId,
}: StoreOptions & { userId: string; holdId: string; eventId: string }) => {
  const key = fanIndexKey(prefix, userId);
  await redis.pipeline().hset(key, holdId, eventId).expire(key, INDEX_TTL_SECONDS).exec();
};

export const forgetFanHolds = async ({
  redis,
  prefix,
  userId,
  holdIds,
}: StoreOptions & { userId: string; holdIds: string[] }) => {
  if (holdIds.length > 0) await redis.hdel(fanIndexKey(prefix, userId), ...holdIds);
};

/** holdId -> eventId for every hold the fan made recently (live or not). */
export const readFanHoldIndex = async ({
  redis,
  prefix,
  userId,
}: StoreOptions & { userId: string }): Promise<Record<string, string>> =>
  redis.hgetall(fanIndexKey(prefix, userId));

export const fanHoldEvent = async ({
  redis,
  prefix,
  userId,
  holdId,
}: StoreOptions & { userId: string; holdId: string }): Promise<string | null> =>
  redis.hget(fanIndexKey(prefix, userId), holdId);
