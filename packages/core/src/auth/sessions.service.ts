// Session lifecycle per the Lucia guide: create, validate with sliding expiry, invalidate.
import type { PublicUser } from '@tessera/contracts/auth';
import type { SessionDeps } from './auth-deps.ts';
import { cacheStoredSession } from './cache-stored-session.ts';
import {
  dropCachedSessions,
  readCachedSession,
  type CachedSession,
} from './session-cache.store.ts';
import {
  deleteSessionById,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  insertSessionForPassword,
  updateSessionExpiry,
} from './session.repository.ts';
import {
  generateSessionToken,
  isWellFormedSessionToken,
  sameDigest,
  sessionIdFromToken,
} from './session-token.ts';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Renew when less than half the lifetime remains, so active users never get signed out. */
const RENEW_WHEN_REMAINING_MS = SESSION_LIFETIME_MS / 2;

export interface ValidatedSession {
  id: string;
  userId: string;
  expiresAt: Date;
  user: PublicUser;
  /** True when this validation extended the expiry: the cookie must be re-sent. */
  renewed: boolean;
}

export interface CreateSessionOptions extends SessionDeps {
  userId: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
  /**
   * The password hash the caller verified (login): the session is only created while it is still
   * the user's, so a login racing a password change never outlives it. Absent: no condition.
   */
  verifiedPasswordHash?: string;
}

export interface CreatedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/** The new session, or null when `verifiedPasswordHash` is no longer the user's. */
export async function createSession(
  options: CreateSessionOptions & { verifiedPasswordHash: string },
): Promise<CreatedSession | null>;
export async function createSession(options: CreateSessionOptions): Promise<CreatedSession>;
export async function createSession({
  prisma,
  userId,
  ip,
  userAgent,
  now = new Date(),
  verifiedPasswordHash,
}: CreateSessionOptions): Promise<CreatedSession | null> {
  const token = generateSessionToken();
  const id = sessionIdFromToken(token);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  const row = {
    prisma,
    id,
    userId,
    expiresAt,
    ip: ip ?? null,
    userAgent: userAgent?.slice(0, 500) ?? null,
  };
  if (verifiedPasswordHash === undefined) await insertSession(row);
  else if (!(await insertSessionForPassword({ ...row, passwordHash: verifiedPasswordHash })))
    return null;
  return { token, sessionId: id, expiresAt };
}

const loadSession = async ({
  prisma,
  redis,
  redisPrefix,
  sessionId,
  now,
}: SessionDeps & { sessionId: string; now: number }) => {
  const cached = await readCachedSession({ redis, redisPrefix, sessionId });
  if (cached) return cached;
  const row = await findSessionWithUser({ prisma, id: sessionId });
  if (!row || !sameDigest(row.id, sessionId)) return null;
  const session: CachedSession = {
    id: row.id,
    userId: row.userId,
    expiresAt: row.expiresAt.getTime(),
    user: row.user,
  };
  return (await cacheStoredSession({ prisma, redis, redisPrefix, session, now })) ? session : null;
};

export interface ValidateSessionTokenOptions extends SessionDeps {
  token: string;
  now?: Date;
}

/** The session and its user, or null when the token is malformed, unknown or expired. */
export const validateSessionToken = async ({
  token,
  now = new Date(),
  ...deps
}: ValidateSessionTokenOptions): Promise<ValidatedSession | null> => {
  if (!isWellFormedSessionToken(token)) return null;
  const sessionId = sessionIdFromToken(token);
  const nowMs = now.getTime();
  const session = await loadSession({ ...deps, sessionId, now: nowMs });
  if (!session) return null;
  if (session.expiresAt <= nowMs) {
    await invalidateSession({ ...deps, sessionId });
    return null;
  }
  let renewed = false;
  if (session.expiresAt - nowMs < RENEW_WHEN_REMAINING_MS) {
    session.expiresAt = nowMs + SESSION_LIFETIME_MS;
    await updateSessionExpiry({
      prisma: deps.prisma,
      id: sessionId,
      expiresAt: new Date(session.expiresAt),
    });
    if (!(await cacheStoredSession({ ...deps, session, now: nowMs }))) return null;
    renewed = true;
  }
  return {
    id: session.id,
    userId: session.userId,
    expiresAt: new Date(session.expiresAt),
    user: session.user,
    renewed,
  };
};

export const invalidateSession = async ({
  prisma,
  redis,
  redisPrefix,
  sessionId,
}: SessionDeps & { sessionId: string }) => {
  await deleteSessionById({ prisma, id: sessionId });
  await dropCachedSessions({ redis, redisPrefix, sessionIds: [sessionId] });
};

/** Signs a user out everywhere (account compromise), or everywhere else (password change). */
export const invalidateUserSessions = async ({
  prisma,
  redis,
  redisPrefix,
  userId,
  exceptSessionId,
}: SessionDeps & { userId: string; exceptSessionId?: string }) => {
  const sessionIds = await deleteSessionsOfUser({ prisma, userId, exceptSessionId });
  await dropCachedSessions({ redis, redisPrefix, sessionIds });
};
