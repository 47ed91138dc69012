// One event's stream reader: XREAD BLOCK on its own connection, coalescing entries into at most one
// delta per window. A change read after a quiet window goes out at once (leading edge); changes read
// within `windowMs` of the previous delta's start wait for that window to end and go out together.
// The window is counted from when the previous delta started, not from the first waiting change, so
// a fan-out that takes part of the window (thousands of sockets) does not add a window on top.
import type { Redis } from 'ioredis';
import { parseStreamEntry, type RawStreamEntry, type SeatChange } from '../holds/stream-entry.ts';
import { coalesceChanges, type HubDelta } from './stream-changes.ts';

export interface StreamReader {
  /** Resolves once the reader knows where "now" is in the stream. */
  ready: Promise<void>;
  /** Resolves once the reader's own Redis connection has ended (after stop). */
  closed: Promise<void>;
  stop(): void;
}

const RETRY_AFTER_ERROR_MS = 250;

export const startStreamReader = ({
  redis,
  streamKey,
  windowMs,
  blockMs,
  emit,
}: {
  redis: Redis;
  streamKey: string;
  windowMs: number;
  blockMs: number;
  emit: (delta: HubDelta) => void;
}): StreamReader => {
  // A blocking XREAD would stall every other command on a shared connection.
  const connection = redis.duplicate();
  const closed = new Promise<void>((resolve) => connection.once('end', () => resolve()));
  let stopped = false;
  let pending: SeatChange[] = [];
  let timer: NodeJS.Timeout | undefined;
  /** When the last delta was emitted (monotonic ms); the next one waits until a window after it. */
  let lastEmitAt = -Infinity;

  const flush = () => {
    timer = undefined;
    if (pending.length === 0 || stopped) return;
    lastEmitAt = performance.now();
    const changes = pending;
    pending = [];
    emit(coalesceChanges({ fromVersion: changes[0]!.version - 1, changes }));
  };

  // The last entry id now: everything appended after it is news for the subscribers.
  const start = connection
    .xrevrange(streamKey, '+', '-', 'COUNT', 1)
    .then((entries) => entries[0]?.[0] ?? '0-0');

  const loop = async () => {
    let lastId = await start;
    while (!stopped) {
      try {
        const reply = (await connection.xread('BLOCK', blockMs, 'STREAMS', streamKey, lastId)) as
          [string, RawStreamEntry[]][] | null;
        for (const entry of reply?.[0]?.[1] ?? []) {
          lastId = entry[0];
          pending.push(parseStreamEntry(entry));
        }
      } catch {
        // Redis restarted or the connection dropped: ioredis reconnects; retry from lastId.
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
        continue;
      }
      // From a timer even when due now: a throwing listener then surfaces as before and cannot
      // end this loop.
      if (pending.length > 0 && !timer) {
        timer = setTimeout(flush, Math.max(0, lastEmitAt + windowMs - performance.now()));
      }
    }
  };

  void loop().catch(() => undefined);
  return {
    ready: start.then(() => undefined),
    closed,
    stop() {
      stopped = true;
      clearTimeout(timer);
      connection.disconnect();
    },
  };
};
