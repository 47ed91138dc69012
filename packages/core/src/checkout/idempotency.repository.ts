// IdempotencyRecord rows: the first call with a (user, scope, key) claims it; later calls replay
// its stored response, or are refused when they carry a different request.
import type { PrismaClient } from '@tessera/db/client';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { isUniqueViolation } from './unique-violation.ts';

export type IdempotencyClaim<T> =
  { kind: 'claimed'; recordId: string } | { kind: 'replay'; response: T } | { kind: 'in-progress' };

export interface IdempotencyKeyOptions {
  prisma: PrismaClient;
  userId: string;
  scope: string;
  key: string;
  requestHash: string;
  ttlMs: number;
}

export const claimIdempotencyKey = async <T>({
  prisma,
  userId,
  scope,
  key,
  requestHash,
  ttlMs,
}: IdempotencyKeyOptions): Promise<IdempotencyClaim<T>> => {
  try {
    const record = await prisma.idempotencyRecord.create({
      data: { userId, scope, key, requestHash, expiresAt: new Date(Date.now() + ttlMs) },
      select: { id: true },
    });
    return { kind: 'claimed', recordId: record.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await prisma.idempotencyRecord.findUnique({
    where: { userId_scope_key: { userId, scope, key } },
  });
  // Deleted between our insert and read (a failed first attempt gave the key back): retry.
  if (!existing) return claimIdempotencyKey({ prisma, userId, scope, key, requestHash, ttlMs });
  if (existing.requestHash !== requestHash) {
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: 'This payment attempt was already used for a different request; start again.',
    });
  }
  if (existing.status === 'COMPLETED') return { kind: 'replay', response: existing.response as T };
  return { kind: 'in-progress' };
};

export const completeIdempotencyKey = async ({
  prisma,
  recordId,
  response,
}: {
  prisma: PrismaClient;
  recordId: string;
  response: object;
}) => {
  // updateMany: the record may be gone (a retry gave the claim back, presuming this attempt dead);
  // the answer still stands and goes to the fan, and the retry finds the payment it made.
  await prisma.idempotencyRecord.updateMany({
    where: { id: recordId },
    data: { status: 'COMPLETED', response },
  });
};

/** Gives the key back when the first attempt failed before anything irreversible happened. */
export const abandonIdempotencyKey = async ({
  prisma,
  recordId,
}: {
  prisma: PrismaClient;
  recordId: string;
}) => {
  await prisma.idempotencyRecord.deleteMany({ where: { id: recordId, status: 'IN_PROGRESS' } });
};
