// Puts a session read from Postgres into the Redis cache without resurrecting one that was just
// ended. A logout or password change deletes the row, then drops the cache entry; a validation that
// read the row before the delete could write the entry after the drop and keep a dead session
// alive for the cache's lifetime. So the row is looked up again after the write: if it is still
// there, any later delete is followed by its drop, which now removes our entry; if not, we drop it.
import type { SessionDeps } from './auth-deps.ts';
import {
  dropCachedSessions,
  writeCachedSession,
  type CachedSession,
} from './session-cache.store.ts';
import { sessionRowExists } from './session.repository.ts';

/** Caches the session; false (and nothing cached) when its row was deleted meanwhile. */
export const cacheStoredSession = async ({
  prisma,
  redis,
  redisPrefix,
  session,
  now,
}: SessionDeps & { session: CachedSession; now: number }): Promise<boolean> => {
  await writeCachedSession({ redis, redisPrefix, session, now });
  if (await sessionRowExists({ prisma, id: session.id })) return true;
  await dropCachedSessions({ redis, redisPrefix, sessionIds: [session.id] });
  return false;
};
