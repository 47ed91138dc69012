// Taking over a pay attempt presumed dead. The lease is the row's own timestamp: one conditional
// UPDATE (or DELETE) that matches only while the row is still stale, so however many retries and
// sweeps race for it, exactly one wins until the lease runs out again.
import type { PrismaClient } from '@tessera/db/client';

export const DEFAULT_PAYMENT_LEASE_MS = 60_000;

/** True for the one caller that took the payment over (its updated_at is bumped to now). */
export const takeOverPayment = async ({
  prisma,
  paymentId,
  leaseMs,
}: {
  prisma: PrismaClient;
  paymentId: string;
  leaseMs: number;
}): Promise<boolean> => {
  const taken = await prisma.$executeRaw`
    UPDATE payments SET updated_at = now()
    WHERE id = ${paymentId}::uuid
      AND updated_at < now() - ${leaseMs}::int * interval '1 millisecond'`;
  return taken === 1;
};

/**
 * Gives a lease back before it runs out, for a holder that stopped working on the payment (it gave
 * up waiting on the provider): a retry or the sweep may take the payment over at once. Matches only
 * while the row is PENDING and still carries this holder's lease (updated_at as the holder took it),
 * so a lease someone else has taken since is never given away. True when it was given back.
 */
export const releasePaymentLease = async ({
  prisma,
  paymentId,
  leasedAt,
  leaseMs,
}: {
  prisma: PrismaClient;
  paymentId: string;
  leasedAt: Date;
  leaseMs: number;
}): Promise<boolean> => {
  const released = await prisma.$executeRaw`
    UPDATE payments SET updated_at = now() - ${leaseMs + 1_000}::int * interval '1 millisecond'
    WHERE id = ${paymentId}::uuid
      AND status = 'PENDING'
      AND updated_at = ${leasedAt}::timestamptz`;
  return released === 1;
};

/**
 * Gives back stale claims of a pay key that never got a payment (the attempt died before creating
 * it and could not give the key back itself): nothing was charged, the key may be claimed again.
 * Limited to one (user, key) when given; returns how many keys were given back.
 */
export const releaseStaleClaims = async ({
  prisma,
  scope,
  leaseMs,
  only,
}: {
  prisma: PrismaClient;
  scope: string;
  leaseMs: number;
  only?: { userId: string; key: string };
}): Promise<number> => {
  const filterUser = only?.userId ?? null;
  const filterKey = only?.key ?? null;
  return prisma.$executeRaw`
    DELETE FROM idempotency_records r
    WHERE r.scope = ${scope}
      AND r.status = 'IN_PROGRESS'
      AND r.created_at < now() - ${leaseMs}::int * interval '1 millisecond'
      AND (${filterUser}::uuid IS NULL OR r.user_id = ${filterUser}::uuid)
      AND (${filterKey}::text IS NULL OR r.key = ${filterKey}::text)
      AND NOT EXISTS (
        SELECT 1 FROM payments p WHERE p.user_id = r.user_id AND p.idempotency_key = r.key
      )`;
};

/**
 * Payments whose attempt looks dead: still PENDING, or settled while their pay key was never
 * completed (the attempt died between commit and reply), untouched for longer than the lease.
 */
export const findStalePayments = async ({
  prisma,
  scope,
  leaseMs,
  limit,
}: {
  prisma: PrismaClient;
  scope: string;
  leaseMs: number;
  limit: number;
}): Promise<string[]> => {
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT p.id FROM payments p
    LEFT JOIN idempotency_records r
      ON r.user_id = p.user_id AND r.scope = ${scope} AND r.key = p.idempotency_key
    WHERE p.updated_at < now() - ${leaseMs}::int * interval '1 millisecond'
      AND (p.status = 'PENDING' OR r.status = 'IN_PROGRESS')
    ORDER BY p.updated_at
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
};
