// How far Postgres trails Redis for one event: the seat-state version in Redis against the cursor
// reconciliation advanced in event_seat_cursors, and the age of the oldest change not yet applied.
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import type { ReconciliationLag } from '@tessera/contracts/dashboard';
import { eventKeys } from '../holds/keys.ts';

export interface ReadReconciliationLagOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  eventId: string;
  nowMs?: number;
}

/** The entry id right after `id` (`ms-seq` + 1), so XRANGE starts past the applied entry. */
const nextStreamId = (id: string) => {
  const [ms, seq] = id.split('-');
  return `${ms ?? '0'}-${Number(seq ?? 0) + 1}`;
};

export const readReconciliationLag = async (
  options: ReadReconciliationLagOptions,
): Promise<ReconciliationLag> => {
  const { prisma, redis, eventId } = options;
  const k = eventKeys(options);
  const [cursor, [version, loaded]] = await Promise.all([
    prisma.eventSeatCursor.findUnique({
      where: { eventId },
      select: { appliedVersion: true, appliedStreamId: true },
    }),
    redis.hmget(k.meta, 'version', 'loaded'),
  ]);
  const appliedVersion = Number(cursor?.appliedVersion ?? 0);
  if (loaded !== '1') {
    return { headVersion: null, appliedVersion, versionsBehind: null, oldestPendingSeconds: null };
  }
  const headVersion = Number(version ?? 0);
  const versionsBehind = Math.max(0, headVersion - appliedVersion);
  let oldestPendingSeconds: number | null = null;
  if (versionsBehind > 0) {
    const [first] = await redis.xrange(
      k.stream,
      nextStreamId(cursor?.appliedStreamId ?? '0-0'),
      '+',
      'COUNT',
      1,
    );
    // Entry ids start with the Redis time (ms) the change was appended.
    const appendedAt = first ? Number(first[0].split('-')[0]) : null;
    if (appendedAt !== null) {
      const age = Math.max(0, (options.nowMs ?? Date.now()) - appendedAt);
      oldestPendingSeconds = Math.round(age / 100) / 10;
    }
  }
  return { headVersion, appliedVersion, versionsBehind, oldestPendingSeconds };
};
