// Redis cache of validated sessions, so authenticated hot paths make no Postgres round trip.
// Entries live a few minutes at most; logout deletes them, so invalidation is immediate.
import type { Redis } from 'ioredis';
import type { PublicUser } from '@tessera/contracts/auth';

export const SESSION_CACHE_TTL_SECONDS = 300;

export interface CachedSession {
  id: string;
  userId: string;
  expiresAt: number;
  user: PublicUser;
}

const keyOf = (redisPrefix: string, sessionId: string) => `${redisPrefix}session:${sessionId}`;

export const readCachedSession = async ({
  redis,
  redisPrefix,
  sessionId,
}: {
  redis: Redis;
  redisPrefix: string;
  sessionId: string;
}) => {
  const raw = await redis.get(keyOf(redisPrefix, sessionId));
  return raw ? (JSON.parse(raw) as CachedSession) : null;
};

export const writeCachedSession = async ({
  redis,
  redisPrefix,
  session,
  now,
}: {
  redis: Redis;
  redisPrefix: string;
  session: CachedSession;
  now: number;
}) => {
  const ttlSeconds = Math.min(
    SESSION_CACHE_TTL_SECONDS,
    Math.floor((session.expiresAt - now) / 1000),
  );
  if (ttlSeconds <= 0) return;
  await redis.set(keyOf(redisPrefix, session.id), JSON.stringify(session), 'EX', ttlSeconds);
};

export const dropCachedSessions = async ({
  redis,
  redisPrefix,
  sessionIds,
}: {
  redis: Redis;
  redisPrefix: string;
  sessionIds: string[];
}) => {
  // One DEL per key: on Redis Cluster the sessions' keys sit in different slots.
  await Promise.all(sessionIds.map((id) => redis.del(keyOf(redisPrefix, id))));
};
