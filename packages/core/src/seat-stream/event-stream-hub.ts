// Per-process fan-out of one event's seat changes: ONE blocking stream reader per event, shared
// by every subscriber of that event, stopped when its last subscriber leaves.
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';
import { startStreamReader, type StreamReader } from './stream-reader.ts';
import type { HubDelta } from './stream-changes.ts';

export const DEFAULT_COALESCE_WINDOW_MS = 75;

export interface EventStreamHubOptions {
  redis: Redis;
  prefix: string;
  /** Changes within this window after the first one become one delta. */
  windowMs?: number;
  /** XREAD BLOCK timeout; the reader re-blocks after it (stop closes the connection at once). */
  blockMs?: number;
}

export type DeltaListener = (delta: HubDelta) => void;

export interface EventStreamHub {
  /**
   * Registers a listener; resolves once the event's reader has fixed its stream position, so
   * every change committed after that reaches the listener. Returns the unsubscribe function.
   */
  subscribe(options: { eventId: string; listener: DeltaListener }): Promise<() => void>;
  readerCount(): number;
  listenerCount(eventId: string): number;
  /** Readers, listeners over all events, and reader connections not yet closed (leak checks). */
  stats(): { readers: number; listeners: number; openConnections: number };
}

export const createEventStreamHub = ({
  redis,
  prefix,
  windowMs = DEFAULT_COALESCE_WINDOW_MS,
  blockMs = 5_000,
}: EventStreamHubOptions): EventStreamHub => {
  const readers = new Map<string, { reader: StreamReader; listeners: Set<DeltaListener> }>();
  let openConnections = 0;

  const unsubscribe = (eventId: string, listener: DeltaListener) => {
    const entry = readers.get(eventId);
    if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) return;
    readers.delete(eventId);
    entry.reader.stop();
  };

  return {
    async subscribe({ eventId, listener }) {
      let entry = readers.get(eventId);
      if (!entry) {
        const listeners = new Set<DeltaListener>();
        const reader = startStreamReader({
          redis,
          streamKey: eventKeys({ prefix, eventId }).stream,
          windowMs,
          blockMs,
          emit: (delta) => {
            for (const each of listeners) each(delta);
          },
        });
        openConnections += 1;
        void reader.closed.then(() => (openConnections -= 1));
        entry = { reader, listeners };
        readers.set(eventId, entry);
      }
      entry.listeners.add(listener);
      try {
        await entry.reader.ready;
      } catch (error) {
        unsubscribe(eventId, listener);
        throw error;
      }
      return () => unsubscribe(eventId, listener);
    },
    readerCount: () => readers.size,
    listenerCount: (eventId) => readers.get(eventId)?.listeners.size ?? 0,
    stats: () => ({
      readers: readers.size,
      listeners: [...readers.values()].reduce((sum, e) => sum + e.listeners.size, 0),
      openConnections,
    }),
  };
};

const hubs = new WeakMap<Redis, Map<string, EventStreamHub>>();

/** The process-wide hub for one Redis client and key prefix (created on first use). */
export const sharedEventStreamHub = (options: EventStreamHubOptions): EventStreamHub => {
  let byPrefix = hubs.get(options.redis);
  if (!byPrefix) hubs.set(options.redis, (byPrefix = new Map()));
  let hub = byPrefix.get(options.prefix);
  if (!hub) byPrefix.set(options.prefix, (hub = createEventStreamHub(options)));
  return hub;
};
