// One event's page: summary, venue, layout, per-event tier prices and public on-sale windows. The
// page (without seats left) and the layout come from the catalog cache when one is given; seats
// left are read live, and drafts are checked after the cache, so a fan never sees one.
import type { EventDetail } from '@tessera/contracts/catalog';
import { AppErrorCode } from '@tessera/contracts/errors';
import type { PrismaClient } from '@tessera/db/client';
import type { CatalogCache, Loaded } from '../cache/catalog-cache.ts';
import { AppError } from '../errors/app-error.ts';
import { windowsTtlMs } from './clock-bounds.ts';
import { findEventDetail, findSeatsSold } from './event.repository.ts';
import { toCachedEventSummary, withSeatsLeft, type CachedEventSummary } from './event-summary.ts';
import { getVenueLayout } from './venue-layout-cache.ts';

export interface GetEventOptions {
  prisma: PrismaClient;
  cache?: CatalogCache;
  eventId: string;
  /** Asked only for drafts, so public pages never pay for a session lookup. */
  viewerIsAdmin: () => Promise<boolean>;
  /** "omit": the layout's version and size only (clients fetch it from the layout endpoint). */
  layout?: 'include' | 'omit';
  now?: Date;
}

/** What the cache keeps of an event page: everything but the layout's seats and seats left. */
type EventPage = CachedEventSummary &
  Pick<EventDetail, 'description' | 'venue' | 'onSales'> & {
    layoutVersion: number;
    prices: Array<{ priceTierId: number; priceCents: number; currency: string }>;
  };

const notFound = () =>
  new AppError(AppErrorCode.NOT_FOUND, {
    userMessage: 'This event does not exist or is no longer available.',
  });

const loadEventPage = async (
  prisma: PrismaClient,
  eventId: string,
  now: Date,
): Promise<Loaded<EventPage> | null> => {
  const event = await findEventDetail({ prisma, id: eventId, now });
  if (!event) return null;
  const { venue } = event;
  return {
    value: {
      ...toCachedEventSummary(event),
      description: event.description,
      venue: { id: venue.id, name: venue.name, city: venue.city, address: venue.address },
      layoutVersion: venue.layoutVersion,
      prices: event.prices,
      onSales: event.onSales.map(
        ({ presaleCode, startsAt, endsAt, preQueueOpensAt, ...window }) => ({
          ...window,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          preQueueOpensAt: preQueueOpensAt?.toISOString() ?? null,
          requiresPresaleCode: presaleCode !== null,
        }),
      ),
    },
    ttlMs: windowsTtlMs(now, event.onSales),
  };
};

export const getEvent = async ({
  prisma,
  cache,
  eventId,
  viewerIsAdmin,
  layout = 'include',
  now = new Date(),
}: GetEventOptions): Promise<EventDetail> => {
  const load = () => loadEventPage(prisma, eventId, now);
  const page = cache ? await cache.read(`event:${eventId}`, load) : (await load())?.value;
  if (!page) throw notFound();
  if (page.status === 'DRAFT' && !(await viewerIsAdmin())) throw notFound();

  const [bodies, seatsSold] = await Promise.all([
    getVenueLayout({ prisma, cache, venueId: page.venue.id, layoutVersion: page.layoutVersion }),
    findSeatsSold({ prisma, eventIds: [eventId] }),
  ]);
  if (!bodies) throw notFound();
  const { layoutVersion: _version, prices, ...summary } = page;
  const priceByTier = new Map(prices.map((p) => [p.priceTierId, p]));
  return {
    ...withSeatsLeft(summary, seatsSold.get(eventId) ?? 0),
    // A tier without an event price falls back to the venue's default price.
    priceTiers: bodies.tiers.map((tier) => ({
      id: tier.id,
      code: tier.code,
      name: tier.name,
      color: tier.color,
      priceCents: priceByTier.get(tier.id)?.priceCents ?? tier.defaultPriceCents,
      currency: priceByTier.get(tier.id)?.currency ?? summary.currency,
    })),
    layout:
      layout === 'include'
        ? bodies.layout
        : { ...bodies.layout, sections: [], rows: [], seats: [] },
  };
};
