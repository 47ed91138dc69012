// What selling an event needs besides Redis: seat labels and prices, currency, the per-fan seat
// limit of the current on-sale window. Cached in-process (seats per layout version, prices and limit
// for a few seconds) so holds stay Postgres-free.
import type { PrismaClient } from '@tessera/db/client';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError, isAppError } from '../errors/app-error.ts';
import { getVenueSeats, type VenueSeat } from './venue-seats-cache.ts';

export const DEFAULT_PER_FAN_SEAT_LIMIT = 6;

export interface SeatInfo extends Omit<VenueSeat, 'defaultPriceCents'> {
  priceCents: number;
}

export interface EventSaleInfo {
  eventId: string;
  currency: string;
  perFanSeatLimit: number;
  /** Every seat of the venue, ascending by id. */
  seatIds: number[];
  seats: Map<number, VenueSeat>;
  priceByTier: Map<number, number>;
}

const loadEventSaleInfo = async (prisma: PrismaClient, eventId: string): Promise<EventSaleInfo> => {
  const now = new Date();
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    select: {
      status: true,
      venueId: true,
      venue: { select: { layoutVersion: true } },
      prices: { select: { priceTierId: true, priceCents: true, currency: true } },
      onSales: {
        where: {
          status: { in: ['SCHEDULED', 'OPEN', 'PAUSED'] },
          startsAt: { lte: now },
          endsAt: { gt: now },
        },
        orderBy: { startsAt: 'desc' },
        take: 1,
        select: { perFanSeatLimit: true },
      },
    },
  });
  if (event?.status === 'CANCELLED') {
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: 'This event was cancelled; its tickets are no longer on sale.',
    });
  }
  if (!event || event.status !== 'PUBLISHED') {
    throw new AppError(AppErrorCode.NOT_FOUND, {
      userMessage: 'This event does not exist or is no longer available.',
    });
  }
  const { seatIds, seats } = await getVenueSeats({
    prisma,
    venueId: event.venueId,
    layoutVersion: event.venue.layoutVersion,
  });
  return {
    eventId,
    currency: event.prices[0]?.currency ?? 'EUR',
    perFanSeatLimit: event.onSales[0]?.perFanSeatLimit ?? DEFAULT_PER_FAN_SEAT_LIMIT,
    seatIds,
    seats,
    priceByTier: new Map(event.prices.map((p) => [p.priceTierId, p.priceCents])),
  };
};

export interface EventSaleInfoCache {
  get(eventId: string): Promise<EventSaleInfo>;
  /** Drops the event's entry (admin writes), so this process's next read sees the change. */
  forget(eventId: string): void;
}

/**
 * Concurrent callers share one read. After `ttlMs` an entry is refreshed in the background while
 * callers keep the previous value (a 12k-seat venue takes ~100 ms to read: no request waits on it).
 */
export const createEventSaleInfoCache = ({
  prisma,
  ttlMs,
  maxEntries = 256,
}: {
  prisma: PrismaClient;
  ttlMs: number;
  maxEntries?: number;
}): EventSaleInfoCache => {
  const cache = new Map<string, { at: number; value: Promise<EventSaleInfo>; refreshing?: true }>();
  // Bumped by forget(): a read that started before an admin write must not be cached after it.
  let generation = 0;
  const load = (eventId: string) => {
    const startedIn = generation;
    const value = loadEventSaleInfo(prisma, eventId);
    const entry = { at: Date.now(), value };
    value.then(
      () => {
        if (startedIn !== generation) {
          if (cache.get(eventId) === entry) cache.delete(eventId);
          return;
        }
        cache.delete(eventId);
        cache.set(eventId, entry);
        if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
      },
      () => {
        if (cache.get(eventId) === entry) cache.delete(eventId);
      },
    );
    return entry;
  };
  return {
    get(eventId) {
      const hit = cache.get(eventId);
      if (!hit) {
        const entry = load(eventId);
        cache.set(eventId, entry);
        return entry.value;
      }
      if (Date.now() - hit.at >= ttlMs && !hit.refreshing) {
        hit.refreshing = true;
        // An event gone or unpublished stops being served; an outage keeps the previous value.
        load(eventId).value.catch((error: unknown) => {
          if (isAppError(error)) cache.delete(eventId);
          else delete hit.refreshing;
        });
      }
      return hit.value;
    },
    forget(eventId) {
      generation += 1;
      cache.delete(eventId);
    },
  };
};

export const seatInfoOf = (info: EventSaleInfo, seatId: number): SeatInfo => {
  const seat = info.seats.get(seatId);
  if (!seat) {
    const name = String(seatId);
    return {
      seatId,
      section: '',
      row: '',
      seat: name,
      label: `Seat ${name}`,
      shortLabel: name,
      tierId: 0,
      tierName: '',
      priceCents: 0,
    };
  }
  const { defaultPriceCents, ...rest } = seat;
  return { ...rest, priceCents: info.priceByTier.get(seat.tierId) ?? defaultPriceCents };
};
