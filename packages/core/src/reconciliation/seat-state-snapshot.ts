// Reads one consistent snapshot of an event's Redis seat state (MULTI: nothing runs in between):
// its version, the last stream entry id, Redis time and every hold record. Used to rebuild the
// Postgres mirror when the stream no longer reaches back to the cursor.
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';
import type { HoldRow } from './hold-mirror.repository.ts';

export interface SeatStateSnapshot {
  version: number;
  lastStreamId: string;
  now: number;
  holds: HoldRow[];
}

const STATUS = { h: 'ACTIVE', s: 'CONVERTED', x: 'EXPIRED' } as const;

/** 'status|expiresAtMs|extended|createdAtMs|userId|seatCsv' (holds/keys.ts). */
const parseHoldRecord = (holdId: string, record: string, version: number, now: number): HoldRow => {
  const [status, expiresAt, extended, createdAt, userId, seats] = record.split('|') as [
    keyof typeof STATUS,
    string,
    string,
    string,
    string,
    string,
  ];
  const expires = Number(expiresAt);
  // A held record past its expiry is already expired, swept or not.
  const mapped = status === 'h' && expires <= now ? 'EXPIRED' : STATUS[status];
  return {
    holdId,
    userId,
    status: mapped,
    createdAt: Number(createdAt),
    expiresAt: expires,
    // Redis keeps only the fact of an extension; the rebuild keeps any time Postgres knew.
    extendedAt: extended === '1' ? now : null,
    version,
    seatIds: seats.split(',').filter(Boolean).map(Number),
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
  const replies = await redis
    .multi()
    .hmget(keys.meta, 'loaded', 'version')
    .hgetall(keys.holds)
    .xrevrange(keys.stream, '+', '-', 'COUNT', 1)
    .time()
    .exec();
  if (!replies) throw new Error('Seat state snapshot transaction was aborted');
  const failed = replies.find(([error]) => error);
  if (failed) throw failed[0];
  const [[, meta], [, records], [, last], [, time]] = replies as Array<[null, unknown]> &
    [[null, unknown], [null, unknown], [null, unknown], [null, unknown]];
  const [loaded, version] = meta as [string | null, string | null];
  const lastEntry = (last as Array<[string, string[]]>)[0];
  if (loaded !== '1' || !lastEntry) return null;
  const [seconds, micros] = time as [string, string];
  const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  const v = Number(version);
  return {
    version: v,
    lastStreamId: lastEntry[0],
    now,
    holds: Object.entries(records as Record<string, string>).map(([holdId, record]) =>
      parseHoldRecord(holdId, record, v, now),
    ),
  };
};
