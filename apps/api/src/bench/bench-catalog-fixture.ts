// Bench data for `pnpm bench:catalog`: one large venue (a grid of seats, bulk-inserted) and
// published events on it, each with an event price and a scheduled on-sale window.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@tessera/db/client';
import { createGridVenue } from '@tessera/core/testing/grid-venue';

export const CATALOG_CATEGORIES = ['CONCERT', 'SPORTS', 'THEATRE', 'COMEDY', 'FAMILY'] as const;

export const createCatalogBenchFixture = async ({
  prisma,
  rows,
  seatsPerRow,
  events,
}: {
  prisma: PrismaClient;
  rows: number;
  seatsPerRow: number;
  events: number;
}) => {
  const token = randomUUID().slice(0, 8);
  const venue = await createGridVenue({ prisma, rows, seatsPerRow, name: `Catalog ${token}` });
  const day = 86_400_000;
  const eventIds: string[] = [];
  for (let i = 0; i < events; i += 1) {
    const startsAt = new Date(Date.now() + (10 + i) * day);
    const event = await prisma.event.create({
      data: {
        title: `Catalog show ${i} ${token}`,
        description: 'A benchmark event.',
        category: CATALOG_CATEGORIES[i % CATALOG_CATEGORIES.length]!,
        city: venue.city,
        venueId: venue.venueId,
        startsAt,
        status: 'PUBLISHED',
        capacity: rows * seatsPerRow,
        prices: { create: [{ priceTierId: venue.tierId, priceCents: 3000 + i }] },
        onSales: {
          create: [
            {
              name: 'General sale',
              startsAt: new Date(startsAt.getTime() - 5 * day),
              endsAt: new Date(startsAt.getTime() - day),
            },
          ],
        },
      },
      select: { id: true },
    });
    eventIds.push(event.id);
  }
  return { venueId: venue.venueId, city: venue.city, eventIds };
};
