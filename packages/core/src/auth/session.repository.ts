// Postgres access for sessions: rows keyed by the token's SHA-256, joined with the public user.
import type { PrismaClient } from '@tessera/db/client';

export const publicUserSelect = { id: true, email: true, name: true, role: true } as const;

export interface InsertSessionOptions {
  prisma: PrismaClient;
  id: string;
  userId: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export const insertSession = ({ prisma, ...data }: InsertSessionOptions) =>
  prisma.session.create({ data, select: { id: true } });

/**
 * Inserts the session only while the user's password hash is still the one the login verified;
 * false when it changed. `FOR SHARE` takes the user row's lock, so this waits for a password change
 * in flight (which holds the row) and then sees its new hash; a change arriving after waits for
 * this insert to commit, and its sweep then deletes the session (replacePasswordHash).
 */
export const insertSessionForPassword = async ({
  prisma,
  id,
  userId,
  expiresAt,
  ip,
  userAgent,
  passwordHash,
}: InsertSessionOptions & { passwordHash: string }) => {
  const inserted = await prisma.$executeRaw`
    INSERT INTO sessions (id, user_id, expires_at, ip, user_agent)
    SELECT ${id}::text, u.id, ${expiresAt}::timestamptz, ${ip}::text, ${userAgent}::text
    FROM users u
    WHERE u.id = ${userId}::uuid AND u.password_hash = ${passwordHash}
    FOR SHARE`;
  return inserted === 1;
};

export const findSessionWithUser = ({ prisma, id }: { prisma: PrismaClient; id: string }) =>
  prisma.session.findUnique({
    where: { id },
    select: { id: true, userId: true, expiresAt: true, user: { select: publicUserSelect } },
  });

export const sessionRowExists = async ({ prisma, id }: { prisma: PrismaClient; id: string }) =>
  (await prisma.session.count({ where: { id } })) > 0;

export const updateSessionExpiry = ({
  prisma,
  id,
  expiresAt,
}: {
  prisma: PrismaClient;
  id: string;
  expiresAt: Date;
}) => prisma.session.updateMany({ where: { id }, data: { expiresAt } });

export const deleteSessionById = ({ prisma, id }: { prisma: PrismaClient; id: string }) =>
  prisma.session.deleteMany({ where: { id } });

type SessionsClient = Pick<PrismaClient, '$queryRaw'>;

/** Deletes every session of a user (but one, if named) in one statement and returns their ids
 * (to drop them from the cache too). */
export const deleteSessionsOfUser = async ({
  prisma,
  userId,
  exceptSessionId,
}: {
  prisma: SessionsClient;
  userId: string;
  exceptSessionId?: string;
}) => {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    DELETE FROM sessions
    WHERE user_id = ${userId}::uuid AND id IS DISTINCT FROM ${exceptSessionId ?? null}
    RETURNING id`;
  return rows.map((r) => r.id);
};

/**
 * Sets a new password hash and deletes the user's other sessions in one transaction. The UPDATE
 * holds the user row until the commit, so a login that verified the old hash either committed its
 * session before (and the DELETE, which runs after the UPDATE got the row, removes it) or waits in
 * insertSessionForPassword and finds the hash changed.
 */
export const replacePasswordHash = ({
  prisma,
  userId,
  passwordHash,
  keepSessionId,
}: {
  prisma: PrismaClient;
  userId: string;
  passwordHash: string;
  keepSessionId: string;
}) =>
  prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    return deleteSessionsOfUser({ prisma: tx, userId, exceptSessionId: keepSessionId });
  });
