// Confirmed orders, revenue and whether a sale window is open, for one event from Postgres, cached per event for a few seconds so a
// dashboard ticking every second costs Postgres one query per event every `ttlMs`.
import type { PrismaClient } from '@tessera/db/client';

export interface SaleTotals {
  ordersConfirmed: number;
  /** Orders confirmed at or after `sinceMs` (the hold counters' start): the conversion numerator. */
  ordersConfirmedSince: number;
  revenueCents: number;
  currency: string;
  /** An on-sale window of the event is open or paused now (with or without a waiting room). */
  onSaleNow: boolean;
  /** Epoch ms of the read. */
  readAt: number;
}

export const readSaleTotals = async ({
  prisma,
  eventId,
  sinceMs,
}: {
  prisma: PrismaClient;
  eventId: string;
  sinceMs: number | null;
}): Promise<SaleTotals> => {
  const [totals, currency, openWindows, since] = await Promise.all([
    prisma.order.aggregate({
      where: { eventId, status: 'CONFIRMED' },
      _count: { _all: true },
      _sum: { totalCents: true },
    }),
    prisma.order.findFirst({
      where: { eventId, status: 'CONFIRMED' },
      select: { currency: true },
    }),
    prisma.onSaleWindow.count({ where: { eventId, status: { in: ['OPEN', 'PAUSED'] } } }),
    sinceMs === null
      ? Promise.resolve(0)
      : prisma.order.count({
          where: { eventId, status: 'CONFIRMED', confirmedAt: { gte: new Date(sinceMs) } },
        }),
  ]);
  return {
    ordersConfirmed: totals._count._all,
    ordersConfirmedSince: since,
    revenueCents: totals._sum.totalCents ?? 0,
    currency: currency?.currency ?? 'EUR',
    onSaleNow: openWindows > 0,
    readAt: Date.now(),
  };
};

/** Per-event cache of readSaleTotals; concurrent callers share one in-flight read. */
export const createSaleTotalsCache = ({
  prisma,
  ttlMs,
}: {
  prisma: PrismaClient;
  ttlMs: number;
}) => {
  const entries = new Map<
    string,
    { at: number; sinceMs: number | null; value: Promise<SaleTotals> }
  >();
  return {
    get(eventId: string, sinceMs: number | null): Promise<SaleTotals> {
      const now = Date.now();
      const entry = entries.get(eventId);
      if (entry && entry.sinceMs === sinceMs && now - entry.at < ttlMs) return entry.value;
      const value = readSaleTotals({ prisma, eventId, sinceMs });
      entries.set(eventId, { at: now, sinceMs, value });
      value.catch(() => entries.delete(eventId));
      return value;
    },
    forget: (eventId: string) => void entries.delete(eventId),
  };
};

export type SaleTotalsCache = ReturnType<typeof createSaleTotalsCache>;
