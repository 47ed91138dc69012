// A reconnecting client's missed changes, read newest-first from the event's stream until the
// version it already has; null when the stream no longer covers that version (trimmed).
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';
import { parseStreamEntry, type RawStreamEntry, type SeatChange } from '../holds/stream-entry.ts';

const PAGE = 500;

export const readChangesSince = async ({
  redis,
  prefix,
  eventId,
  sinceVersion,
}: {
  redis: Redis;
  prefix: string;
  eventId: string;
  sinceVersion: number;
}): Promise<SeatChange[] | null> => {
  const k = eventKeys({ prefix, eventId });
  const current = Number((await redis.hget(k.meta, 'version')) ?? 0);
  if (sinceVersion > current) return null;
  const missed: SeatChange[] = [];
  let end = '+';
  for (;;) {
    const page = (await redis.xrevrange(k.stream, end, '-', 'COUNT', PAGE)) as RawStreamEntry[];
    for (const entry of page) {
      const change = parseStreamEntry(entry);
      if (change.version <= sinceVersion) return missed.reverse();
      missed.push(change);
    }
    if (page.length < PAGE) break;
    end = `(${page.at(-1)![0]}`;
  }
  // Stream exhausted: covered only if its oldest entry is the very next version.
  const oldest = missed.at(-1)?.version ?? current + 1;
  return oldest === sinceVersion + 1 ? missed.reverse() : null;
};
