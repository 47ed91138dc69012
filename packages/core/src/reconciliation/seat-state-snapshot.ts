// Reads one consistent snapshot of an event's Redis seat state (MULTI: nothing runs in between):
// its version, the last stream entry id, Redis time and every hold record. Used to rebuild the
// Postgres mirror when the stream no longer reaches back to the cursor.
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';
import { execAtomically, parseHoldRecord, redisTimeMs } from '../holds/seat-state-codec.ts';
import type { HoldRow } from './hold-mirror.repository.ts';

export interface SeatStateSnapshot {
  version: number;
  lastStreamId: string;
  now: number;
  holds: HoldRow[];
}

const STATUS = { h: 'ACTIVE', s: 'CONVERTED', x: 'EXPIRED' } as const;

/** A Redis hold record as a Postgres mirror row at snapshot time `now`. */
const toHoldRow = (holdId: string, raw: string, version: number, now: number): HoldRow => {
  const record = parseHoldRecord(holdId, '', raw);
  // A held record past its expiry is already expired, swept or not.
  const status =
    record.status === 'h' && record.expiresAt <= now
      ? 'EXPIRED'
      : STATUS[record.status as keyof typeof STATUS];
  return {
    holdId,
    userId: record.userId,
    status,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    // Redis keeps only the fact of an extension; the rebuild keeps any time Postgres knew.
    extendedAt: record.extended ? now : null,
    version,
    seatIds: record.seatIds,
  };
};

/** Null when the event is not loaded in Redis (nothing to rebuild from). */
export const readSeatStateSnapshot = async ({
  redis,
  prefix,
  eventId,
}: {
  redis: Redis;
  prefix: string;
  eventId: string;
}): Promise<SeatStateSnapshot | null> => {
  const keys = eventKeys({ prefix, eventId });
  const [meta, records, last, time] = (await execAtomically(
    redis
      .multi()
      .hmget(keys.meta, 'loaded', 'version')
      .hgetall(keys.holds)
      .xrevrange(keys.stream, '+', '-', 'COUNT', 1)
      .time(),
  )) as [
    [string | null, string | null],
    Record<string, string>,
    Array<[string, string[]]>,
    [string, string],
  ];
  const [loaded, version] = meta;
  const lastEntry = last[0];
  if (loaded !== '1' || !lastEntry) return null;
  const now = redisTimeMs(time);
  const v = Number(version);
  return {
    version: v,
    lastStreamId: lastEntry[0],
    now,
    holds: Object.entries(records).map(([holdId, raw]) => toHoldRow(holdId, raw, v, now)),
  };
};
