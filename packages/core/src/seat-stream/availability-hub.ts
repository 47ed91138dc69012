// Per-process live tier counts (seats.onAvailability): one TierCounts per watched event, fed by
// the event's stream hub (no Postgres polling), broadcast at most once per interval per event.
import type { Redis } from 'ioredis';
import type { EventAvailability } from '@tessera/contracts/seats';
import type { EventStreamHub } from './event-stream-hub.ts';
import type { HubDelta } from './stream-changes.ts';
import type { TierCounts } from './tier-counts.ts';

export const DEFAULT_AVAILABILITY_INTERVAL_MS = 1_000;

export type AvailabilityListener = (message: EventAvailability) => void;

export interface AvailabilityHub {
  /**
   * Sends the event's current counts to `listener`, then its changes (throttled). Rejects when the
   * event cannot be loaded (e.g. not published). Returns the unsubscribe function.
   */
  subscribe(options: { eventId: string; listener: AvailabilityListener }): Promise<() => void>;
  stats(): { events: number; listeners: number };
}

interface Watch {
  eventId: string;
  listeners: Set<AvailabilityListener>;
  /** Undefined while (re)loading; deltas then wait in `pending`. */
  counts?: TierCounts;
  pending: HubDelta[];
  ready: Promise<void>;
  stopHub?: () => void;
  timer?: NodeJS.Timeout;
  lastSentAt: number;
  closed: boolean;
}

export const createAvailabilityHub = ({
  hub,
  loadCounts,
  intervalMs = DEFAULT_AVAILABILITY_INTERVAL_MS,
}: {
  hub: EventStreamHub;
  loadCounts: (eventId: string) => Promise<TierCounts>;
  intervalMs?: number;
}): AvailabilityHub => {
  const watched = new Map<string, Watch>();

  const broadcast = (watch: Watch) => {
    watch.timer = undefined;
    if (watch.closed || !watch.counts) return;
    watch.lastSentAt = Date.now();
    const message = watch.counts.toMessage(watch.eventId);
    for (const listener of watch.listeners) listener(message);
  };

  const schedule = (watch: Watch) => {
    if (watch.timer || watch.closed) return;
    const wait = Math.max(0, watch.lastSentAt + intervalMs - Date.now());
    watch.timer = setTimeout(() => broadcast(watch), wait);
  };

  /** Applies a delta to the counts; 'gap' when it does not follow them (a load, or missed changes). */
  const applyDelta = (counts: TierCounts, delta: HubDelta): 'stale' | 'applied' | 'gap' => {
    if (delta.toVersion <= counts.version) return 'stale';
    if (delta.loadVersion > counts.version || delta.fromVersion > counts.version) return 'gap';
    counts.apply(delta);
    return 'applied';
  };

  const load = async (watch: Watch) => {
    const counts = await loadCounts(watch.eventId);
    // Deltas queued while the snapshot was read: applying one that overlaps it is harmless
    // (a delta carries each seat's last status).
    for (const delta of watch.pending.splice(0)) {
      if (applyDelta(counts, delta) === 'gap')
        throw new Error('seat stream gap while loading tier counts');
    }
    watch.counts = counts;
  };

  const reload = (watch: Watch) => {
    watch.counts = undefined;
    watch.pending = [];
    load(watch).then(
      () => broadcast(watch),
      // Redis unreachable or a gap again: try once more after an interval.
      () => !watch.closed && setTimeout(() => !watch.closed && reload(watch), intervalMs),
    );
  };

  const onDelta = (watch: Watch, delta: HubDelta) => {
    if (!watch.counts) return void watch.pending.push(delta);
    const outcome = applyDelta(watch.counts, delta);
    if (outcome === 'applied') schedule(watch);
    else if (outcome === 'gap') reload(watch);
  };

  const unsubscribe = (watch: Watch, listener: AvailabilityListener) => {
    if (!watch.listeners.delete(listener) || watch.listeners.size > 0) return;
    watch.closed = true;
    clearTimeout(watch.timer);
    watch.stopHub?.();
    if (watched.get(watch.eventId) === watch) watched.delete(watch.eventId);
  };

  const watch = (eventId: string): Watch => {
    const entry: Watch = {
      eventId,
      listeners: new Set(),
      pending: [],
      ready: Promise.resolve(),
      lastSentAt: 0,
      closed: false,
    };
    entry.ready = (async () => {
      // Subscribe before reading the snapshot, so no change falls between the two.
      const stop = await hub.subscribe({ eventId, listener: (delta) => onDelta(entry, delta) });
      if (entry.closed) return stop();
      entry.stopHub = stop;
      await load(entry);
    })();
    return entry;
  };

  return {
    async subscribe({ eventId, listener }) {
      let entry = watched.get(eventId);
      if (!entry) watched.set(eventId, (entry = watch(eventId)));
      entry.listeners.add(listener);
      const current = entry;
      try {
        await current.ready;
      } catch (error) {
        unsubscribe(current, listener);
        throw error;
      }
      // While a reload runs, its broadcast brings this listener the counts.
      if (current.counts) listener(current.counts.toMessage(eventId));
      return () => unsubscribe(current, listener);
    },
    stats: () => ({
      events: watched.size,
      listeners: [...watched.values()].reduce((sum, w) => sum + w.listeners.size, 0),
    }),
  };
};

const hubs = new WeakMap<Redis, Map<string, AvailabilityHub>>();

/** The process-wide availability hub for one Redis client and key prefix (created on first use). */
export const sharedAvailabilityHub = (options: {
  redis: Redis;
  prefix: string;
  create: () => AvailabilityHub;
}): AvailabilityHub => {
  let byPrefix = hubs.get(options.redis);
  if (!byPrefix) hubs.set(options.redis, (byPrefix = new Map()));
  let hub = byPrefix.get(options.prefix);
  if (!hub) byPrefix.set(options.prefix, (hub = options.create()));
  return hub;
};
