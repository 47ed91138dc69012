// One event's page: summary, venue, layout, per-event tier prices and public on-sale windows.
import type { EventDetail } from '@tessera/contracts/catalog';
import { AppErrorCode } from '@tessera/contracts/errors';
import type { PrismaClient } from '@tessera/db/client';
import { AppError } from '../errors/app-error.ts';
import { findEventDetail } from './event.repository.ts';
import { toEventSummary } from './event-summary.ts';
import { getVenueLayout } from './venue-layout-cache.ts';

export interface GetEventOptions {
  prisma: PrismaClient;
  eventId: string;
  /** Asked only for drafts, so public pages never pay for a session lookup. */
  viewerIsAdmin: () => Promise<boolean>;
  now?: Date;
}

const notFound = () =>
  new AppError(AppErrorCode.NOT_FOUND, {
    userMessage: 'This event does not exist or is no longer available.',
  });

export const getEvent = async ({
  prisma,
  eventId,
  viewerIsAdmin,
  now = new Date(),
}: GetEventOptions): Promise<EventDetail> => {
  const event = await findEventDetail({ prisma, id: eventId, now });
  if (!event) throw notFound();
  if (event.status === 'DRAFT' && !(await viewerIsAdmin())) throw notFound();

  const layout = await getVenueLayout({
    prisma,
    venueId: event.venue.id,
    layoutVersion: event.venue.layoutVersion,
  });
  const summary = toEventSummary(event);
  const priceByTier = new Map(event.prices.map((p) => [p.priceTierId, p]));
  const { venue } = event;
  return {
    ...summary,
    description: event.description,
    venue: { id: venue.id, name: venue.name, city: venue.city, address: venue.address },
    // A tier without an event price falls back to the venue's default price.
    priceTiers: layout.tiers.map((tier) => ({
      id: tier.id,
      code: tier.code,
      name: tier.name,
      color: tier.color,
      priceCents: priceByTier.get(tier.id)?.priceCents ?? tier.defaultPriceCents,
      currency: priceByTier.get(tier.id)?.currency ?? summary.currency,
    })),
    layout: {
      version: venue.layoutVersion,
      width: venue.width,
      height: venue.height,
      stage: { x: venue.stageX, y: venue.stageY },
      sections: layout.sections,
      rows: layout.rows,
      seats: layout.seats,
    },
    onSales: event.onSales.map(({ presaleCode, startsAt, endsAt, preQueueOpensAt, ...window }) => ({
      ...window,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      preQueueOpensAt: preQueueOpensAt?.toISOString() ?? null,
      requiresPresaleCode: presaleCode !== null,
    })),
  };
};
