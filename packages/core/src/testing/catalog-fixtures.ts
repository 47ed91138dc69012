// Test fixtures: a small venue and events with unique names, so tests sharing the database
// only ever see their own rows.
import { randomUUID } from 'node:crypto';
import type { Db, PrismaClient } from '@tessera/db/client';

export const uniqueToken = (label: string) =>
  `${label}${randomUUID().replaceAll('-', '').slice(0, 12)}`;

export interface CreateTestVenueOptions {
  prisma: PrismaClient;
  name: string;
  city: string;
  /** Tier codes with default prices; each tier gets one row of `seatsPerRow` seats. */
  tiers?: { code: string; defaultPriceCents: number }[];
  seatsPerRow?: number;
}

/** A venue with one section, one row per tier and seats laid out on a line. */
export const createTestVenue = async ({
  prisma,
  name,
  city,
  tiers = [{ code: 'A', defaultPriceCents: 5000 }],
  seatsPerRow = 4,
}: CreateTestVenueOptions) => {
  const venue = await prisma.venue.create({
    data: {
      name,
      city,
      address: `1 ${name} Street`,
      width: 1000,
      height: 800,
      stageX: 500,
      stageY: 50,
    },
  });
  const section = await prisma.section.create({
    data: { venueId: venue.id, code: 'FLOOR', name: 'Floor' },
  });
  const priceTiers = [];
  for (const [index, tier] of tiers.entries()) {
    const priceTier = await prisma.priceTier.create({
      data: {
        venueId: venue.id,
        code: tier.code,
        name: `Tier ${tier.code}`,
        color: '#336699',
        defaultPriceCents: tier.defaultPriceCents,
        sortOrder: index,
      },
    });
    const row = await prisma.row.create({
      data: { sectionId: section.id, label: String(index + 1), sortOrder: index },
    });
    await prisma.seat.createMany({
      data: Array.from({ length: seatsPerRow }, (_, position) => ({
        venueId: venue.id,
        sectionId: section.id,
        rowId: row.id,
        label: String(position + 1),
        position,
        x: 100 + position * 20,
        y: 200 + index * 20,
        priceTierId: priceTier.id,
      })),
    });
    priceTiers.push(priceTier);
  }
  return { venue, section, priceTiers, capacity: tiers.length * seatsPerRow };
};

export interface CreateTestEventOptions {
  prisma: PrismaClient;
  venueId: string;
  title: string;
  city: string;
  startsAt: Date;
  capacity: number;
  category?: Db.EventCategory;
  status?: Db.EventStatus;
  description?: string;
  seatsSold?: number;
  /** Price per tier id for this event. */
  prices?: { priceTierId: number; priceCents: number }[];
}

export const createTestEvent = ({
  prisma,
  prices = [],
  description = 'A test event.',
  category = 'CONCERT',
  status = 'PUBLISHED',
  ...data
}: CreateTestEventOptions) =>
  prisma.event.create({
    data: { ...data, description, category, status, prices: { create: prices } },
  });
