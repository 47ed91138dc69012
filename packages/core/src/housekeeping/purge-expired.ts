// Housekeeping: rows past their expiry (sessions, idempotency records) are deleted in bounded
// batches so a large backlog never turns into one long lock.
import type { PrismaClient } from '@tessera/db/client';

/** Tables with an `expires_at` column that may be purged; fixed names, never from input. */
const PURGEABLE = {
  sessions:
    'DELETE FROM "sessions" WHERE "id" IN (SELECT "id" FROM "sessions" WHERE "expires_at" < $1 LIMIT $2)',
  idempotency_records:
    'DELETE FROM "idempotency_records" WHERE "id" IN (SELECT "id" FROM "idempotency_records" WHERE "expires_at" < $1 LIMIT $2)',
} as const;
export type PurgeableTable = keyof typeof PURGEABLE;

export interface PurgeExpiredOptions {
  prisma: PrismaClient;
  table: PurgeableTable;
  now?: Date;
  /** Only rows expired for at least this long are deleted. */
  graceSeconds?: number;
  batchSize?: number;
}

/** Deletes expired rows of `table`, `batchSize` per statement, until none remain; returns the count. */
export const purgeExpired = async ({
  prisma,
  table,
  now = new Date(),
  graceSeconds = 0,
  batchSize = 5_000,
}: PurgeExpiredOptions) => {
  const before = new Date(now.getTime() - graceSeconds * 1000);
  let total = 0;
  for (;;) {
    const deleted = await prisma.$executeRawUnsafe(PURGEABLE[table], before, batchSize);
    total += deleted;
    if (deleted < batchSize) return total;
  }
};
