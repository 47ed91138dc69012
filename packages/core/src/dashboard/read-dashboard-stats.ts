// One event's live sale figures for admin.dashboard.onStats: waiting-room windows, hold rates,
// sales and conversion, seats by tier, reconciliation lag and the last invariant check. Redis
// reads run together; Postgres is touched only through the cached sale totals and the lag cursor.
import type { DashboardStats } from '@tessera/contracts/dashboard';
import type { SeatStoreDeps } from '../checkout/create-hold.ts';
import { eventKeys } from '../holds/keys.ts';
import { readHoldCounts } from '../metrics/hold-counters.store.ts';
import { readTierCounts } from '../seat-stream/read-tier-counts.ts';
import { readGate } from '../waiting-room/gate.store.ts';
import { windowKeys } from '../waiting-room/keys.ts';
import { readWindowStats } from '../waiting-room/read-window-stats.ts';
import { readInvariantsSummary } from './invariants-summary.store.ts';
import { readReconciliationLag } from './read-reconciliation-lag.ts';
import type { SaleTotalsCache } from './sale-totals.ts';

export interface ReadDashboardStatsOptions extends SeatStoreDeps {
  eventId: string;
  title: string;
  saleTotals: SaleTotalsCache;
  nowMs?: number;
}

/** Windows in the event's gate (not ended), earliest first, with their figures. */
const readWindows = async (options: ReadDashboardStatsOptions) => {
  const entries = (await readGate(options)).sort((a, b) => a.startsAt - b.startsAt);
  return Promise.all(
    entries.map(async (entry) => {
      const [stats, name] = await Promise.all([
        readWindowStats({ ...options, windowId: entry.windowId }),
        options.redis.hget(windowKeys({ ...options, windowId: entry.windowId }).config, 'name'),
      ]);
      return { ...stats, name: name ?? '' };
    }),
  );
};

/** Seats by tier when the event's seat state is in Redis (never loads it just to show figures). */
const readTiers = async (options: ReadDashboardStatsOptions) => {
  const loaded = await options.redis.hget(eventKeys(options).meta, 'loaded');
  if (loaded !== '1') return null;
  return (await readTierCounts(options)).toMessage(options.eventId).tiers;
};

export const readDashboardStats = async (
  options: ReadDashboardStatsOptions,
): Promise<DashboardStats> => {
  const { eventId } = options;
  const holds = await readHoldCounts(options);
  const [windows, sales, tiers, reconciliation, invariants] = await Promise.all([
    readWindows(options),
    options.saleTotals.get(eventId, holds.sinceMs),
    readTiers(options),
    readReconciliationLag(options),
    readInvariantsSummary(options),
  ]);
  return {
    eventId,
    title: options.title,
    at: options.nowMs ?? Date.now(),
    windows,
    holds: {
      holdsPerSecond: holds.holdsPerSecond,
      conflictsPerSecond: holds.conflictsPerSecond,
      windowSeconds: holds.windowSeconds,
      holdsTotal: holds.holdsTotal,
      conflictsTotal: holds.conflictsTotal,
    },
    sales: {
      ordersConfirmed: sales.ordersConfirmed,
      revenueCents: sales.revenueCents,
      currency: sales.currency,
      onSaleNow: sales.onSaleNow,
      readAt: sales.readAt,
      // Orders confirmed since the hold counters started, over holds counted since then.
      holdToSaleConversion:
        holds.holdsTotal > 0
          ? Math.min(1, Math.round((sales.ordersConfirmedSince / holds.holdsTotal) * 1000) / 1000)
          : null,
    },
    tiers,
    reconciliation,
    invariants,
  };
};
