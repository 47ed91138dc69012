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

export const findSessionWithUser = ({ prisma, id }: { prisma: PrismaClient; id: string }) =>
  prisma.session.findUnique({
    where: { id },
    select: { id: true, userId: true, expiresAt: true, user: { select: publicUserSelect } },
  });

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

/** Deletes every session of a user (but one, if named) and returns their ids (to drop them from
 * the cache too). */
export const deleteSessionsOfUser = async ({
  prisma,
  userId,
  exceptSessionId,
}: {
  prisma: PrismaClient;
  userId: string;
  exceptSessionId?: string;
}) => {
  const rows = await prisma.session.findMany({
    where: exceptSessionId ? { userId, id: { not: exceptSessionId } } : { userId },
    select: { id: true },
  });
  await prisma.session.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  return rows.map((r) => r.id);
};
