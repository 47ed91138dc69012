// The event's live sale figures (admin.dashboard.onStats) and a short history of the charted
// series. The SSE link reconnects by itself; the last figures stay on screen meanwhile.
import type { DashboardStats } from '@tessera/contracts/dashboard';
import { useState } from 'react';
import { trpc } from '../../lib/trpc.ts';

/** Points kept per chart: two minutes at one message a second. */
export const HISTORY_POINTS = 120;

export interface DashboardHistory {
  /** Seconds (epoch) of each point. */
  at: number[];
  queue: number[];
  admittedPerMinute: number[];
  activeShoppers: number[];
  holdsPerSecond: number[];
  conflictsPerSecond: number[];
  revenue: number[];
}

const EMPTY: DashboardHistory = {
  at: [],
  queue: [],
  admittedPerMinute: [],
  activeShoppers: [],
  holdsPerSecond: [],
  conflictsPerSecond: [],
  revenue: [],
};

const sum = (stats: DashboardStats, pick: (w: DashboardStats['windows'][number]) => number) =>
  stats.windows.reduce((total, w) => total + pick(w), 0);

export const appendHistory = (history: DashboardHistory, stats: DashboardStats) => {
  const keep = <T>(values: T[], value: T) => [...values, value].slice(-HISTORY_POINTS);
  return {
    at: keep(history.at, stats.at / 1000),
    queue: keep(
      history.queue,
      sum(stats, (w) => w.queueLength + w.preQueueSize),
    ),
    admittedPerMinute: keep(
      history.admittedPerMinute,
      sum(stats, (w) => w.admittedPerMinute),
    ),
    activeShoppers: keep(
      history.activeShoppers,
      sum(stats, (w) => w.activeShoppers),
    ),
    holdsPerSecond: keep(history.holdsPerSecond, stats.holds.holdsPerSecond),
    conflictsPerSecond: keep(history.conflictsPerSecond, stats.holds.conflictsPerSecond),
    revenue: keep(history.revenue, stats.sales.revenueCents / 100),
  };
};

export const useDashboardStats = (eventId: string) => {
  const [stats, setStats] = useState<DashboardStats | null>(null);
  const [history, setHistory] = useState<DashboardHistory>(EMPTY);
  const subscription = trpc.admin.dashboard.onStats.useSubscription(
    { eventId },
    {
      onData: (next) => {
        setStats(next);
        setHistory((previous) => appendHistory(previous, next));
      },
    },
  );
  return {
    stats,
    history,
    reconnecting: stats !== null && subscription.status === 'connecting',
    connecting: stats === null && subscription.status !== 'error',
    error: subscription.status === 'error' ? subscription.error : null,
    retry: () => subscription.reset(),
  };
};
