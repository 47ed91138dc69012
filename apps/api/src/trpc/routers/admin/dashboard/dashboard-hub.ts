// Per-process fan-out of admin.dashboard.onStats: ONE ticker per event reads the figures once a
// second and hands the same message to every admin watching that event. Stops when nobody is.
import type { DashboardStats } from '@tessera/contracts/dashboard';
import type { SeatStoreDeps } from '@tessera/core/checkout/create-hold';
import { readDashboardStats } from '@tessera/core/dashboard/read-dashboard-stats';
import { createSaleTotalsCache, type SaleTotalsCache } from '@tessera/core/dashboard/sale-totals';

export type StatsListener = (stats: DashboardStats) => void;

export interface DashboardHubOptions extends SeatStoreDeps {
  everyMs: number;
  /** How long revenue and order counts are reused before Postgres is asked again. */
  saleTotalsTtlMs: number;
  onError?: (error: unknown) => void;
}

interface EventTicker {
  title: string;
  listeners: Set<StatsListener>;
  timer: NodeJS.Timeout;
  busy: boolean;
  last: DashboardStats | null;
}

export const createDashboardHub = (options: DashboardHubOptions) => {
  const tickers = new Map<string, EventTicker>();
  const saleTotals: SaleTotalsCache = createSaleTotalsCache({
    prisma: options.prisma,
    ttlMs: options.saleTotalsTtlMs,
  });

  const tick = async (eventId: string, ticker: EventTicker) => {
    // A slow read must not pile ticks up: skip one while the previous is still running.
    if (ticker.busy) return;
    ticker.busy = true;
    try {
      const stats = await readDashboardStats({
        ...options,
        eventId,
        title: ticker.title,
        saleTotals,
      });
      ticker.last = stats;
      for (const listener of ticker.listeners) listener(stats);
    } catch (error) {
      options.onError?.(error);
    } finally {
      ticker.busy = false;
    }
  };

  return {
    /** Adds a listener; it hears the last figures at once (if any) and then every tick. */
    subscribe({
      eventId,
      title,
      listener,
    }: {
      eventId: string;
      title: string;
      listener: StatsListener;
    }) {
      let ticker = tickers.get(eventId);
      if (!ticker) {
        const created: EventTicker = {
          title,
          listeners: new Set(),
          busy: false,
          last: null,
          timer: undefined!,
        };
        created.timer = setInterval(() => void tick(eventId, created), options.everyMs);
        created.timer.unref();
        tickers.set(eventId, created);
        ticker = created;
        void tick(eventId, created);
      } else if (ticker.last) {
        listener(ticker.last);
      }
      ticker.listeners.add(listener);
      const owner = ticker;
      return () => {
        owner.listeners.delete(listener);
        if (owner.listeners.size > 0 || tickers.get(eventId) !== owner) return;
        clearInterval(owner.timer);
        tickers.delete(eventId);
      };
    },
    eventCount: () => tickers.size,
    subscriberCount: () => [...tickers.values()].reduce((n, t) => n + t.listeners.size, 0),
  };
};

export type DashboardHub = ReturnType<typeof createDashboardHub>;

const hubs = new WeakMap<object, Map<string, DashboardHub>>();

/** The process-wide hub for one Redis client and key prefix (created on first use). */
export const sharedDashboardHub = (options: DashboardHubOptions): DashboardHub => {
  let byPrefix = hubs.get(options.redis);
  if (!byPrefix) hubs.set(options.redis, (byPrefix = new Map()));
  let hub = byPrefix.get(options.prefix);
  if (!hub) byPrefix.set(options.prefix, (hub = createDashboardHub(options)));
  return hub;
};

const sumOverHubs = (redis: object, count: (hub: DashboardHub) => number): number =>
  [...(hubs.get(redis)?.values() ?? [])].reduce((n, hub) => n + count(hub), 0);

/** Open onStats subscriptions of this process (the /metrics subscriber gauge). */
export const dashboardSubscriberCount = (redis: object): number =>
  sumOverHubs(redis, (hub) => hub.subscriberCount());

/** Running event tickers of this process. */
export const dashboardTickerCount = (redis: object): number =>
  sumOverHubs(redis, (hub) => hub.eventCount());
