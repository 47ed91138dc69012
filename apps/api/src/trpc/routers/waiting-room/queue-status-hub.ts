// Per-process fan-out of queue statuses for waitingRoom.onUpdate: ONE ticker per window reads the
// status of every subscribed fan once per tick (all reads sent together, so Redis sees them
// pipelined), and each fan's listeners hear only statuses that changed. Stops when empty.
import type { Redis } from 'ioredis';
import type { QueueStatus } from '@tessera/contracts/waiting-room';
import { readQueueStatus } from '@tessera/core/waiting-room/read-queue-status';

export type StatusListener = (status: QueueStatus) => void;

export interface QueueStatusHubOptions {
  redis: Redis;
  prefix: string;
  tokenSecret: string;
  everyMs: number;
  /** Reports a failed read (the fan's listeners get the next good one). */
  onError?: (error: unknown) => void;
}

interface Fan {
  listeners: Set<StatusListener>;
  /** The last status sent, without serverNow, to send only changes. */
  last: string | null;
}

interface WindowTicker {
  fans: Map<string, Fan>;
  timer: NodeJS.Timeout;
  busy: boolean;
}

const fingerprint = ({ serverNow: _, ...rest }: QueueStatus) => JSON.stringify(rest);

export const createQueueStatusHub = (options: QueueStatusHubOptions) => {
  const tickers = new Map<string, WindowTicker>();

  const readOne = async (windowId: string, userId: string, fan: Fan) => {
    try {
      const status = await readQueueStatus({ ...options, windowId, userId });
      const print = fingerprint(status);
      if (print === fan.last) return;
      fan.last = print;
      for (const listener of fan.listeners) listener(status);
    } catch (error) {
      options.onError?.(error);
    }
  };

  const tick = async (windowId: string, ticker: WindowTicker) => {
    // A slow Redis must not pile ticks up: skip one while the previous is still reading.
    if (ticker.busy) return;
    ticker.busy = true;
    try {
      await Promise.all([...ticker.fans].map(([userId, fan]) => readOne(windowId, userId, fan)));
    } finally {
      ticker.busy = false;
    }
  };

  const unsubscribe = (windowId: string, userId: string, listener: StatusListener) => {
    const ticker = tickers.get(windowId);
    const fan = ticker?.fans.get(userId);
    if (!ticker || !fan) return;
    fan.listeners.delete(listener);
    if (fan.listeners.size === 0) ticker.fans.delete(userId);
    if (ticker.fans.size > 0) return;
    clearInterval(ticker.timer);
    tickers.delete(windowId);
  };

  return {
    /**
     * Adds a listener for one fan of one window; `first` is the status the caller already sent,
     * so the hub sends only what differs from it. Returns the unsubscribe function.
     */
    subscribe({
      windowId,
      userId,
      listener,
      first,
    }: {
      windowId: string;
      userId: string;
      listener: StatusListener;
      first: QueueStatus;
    }) {
      let ticker = tickers.get(windowId);
      if (!ticker) {
        const created: WindowTicker = { fans: new Map(), busy: false, timer: undefined! };
        created.timer = setInterval(() => void tick(windowId, created), options.everyMs);
        created.timer.unref();
        tickers.set(windowId, created);
        ticker = created;
      }
      let fan = ticker.fans.get(userId);
      if (!fan) ticker.fans.set(userId, (fan = { listeners: new Set(), last: fingerprint(first) }));
      fan.listeners.add(listener);
      return () => unsubscribe(windowId, userId, listener);
    },
    windowCount: () => tickers.size,
    fanCount: (windowId: string) => tickers.get(windowId)?.fans.size ?? 0,
  };
};

export type QueueStatusHub = ReturnType<typeof createQueueStatusHub>;

const hubs = new WeakMap<Redis, Map<string, QueueStatusHub>>();

/** The process-wide hub for one Redis client and key prefix (created on first use). */
export const sharedQueueStatusHub = (options: QueueStatusHubOptions): QueueStatusHub => {
  let byPrefix = hubs.get(options.redis);
  if (!byPrefix) hubs.set(options.redis, (byPrefix = new Map()));
  let hub = byPrefix.get(options.prefix);
  if (!hub) byPrefix.set(options.prefix, (hub = createQueueStatusHub(options)));
  return hub;
};
