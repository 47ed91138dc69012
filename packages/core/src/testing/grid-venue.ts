// A synthetic venue for benchmarks and tests: one section of `rows` x `seatsPerRow` seats in one
// price tier, bulk-inserted, with the stage centred in front of row 1.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@tessera/db/client';

export interface GridVenue {
  venueId: string;
  city: string;
  tierId: number;
  /** Seat ids in row order, then position order: consecutive ids in a row are neighbours. */
  seatIds: number[];
}

export interface CreateGridVenueOptions {
  prisma: PrismaClient;
  rows: number;
  seatsPerRow: number;
  /** Distance between neighbouring seats and rows, in layout units. */
  spacing?: number;
  name?: string;
  priceCents?: number;
}

export const createGridVenue = async ({
  prisma,
  rows,
  seatsPerRow,
  spacing = 1,
  name = `Grid ${randomUUID().slice(0, 8)}`,
  priceCents = 5000,
}: CreateGridVenueOptions): Promise<GridVenue> => {
  const city = name.toLowerCase().replace(/\s+/g, '-');
  const venue = await prisma.venue.create({
    data: {
      name,
      city,
      width: (seatsPerRow + 1) * spacing,
      height: (rows + 10) * spacing,
      stageX: ((seatsPerRow + 1) * spacing) / 2,
      stageY: 0,
    },
  });
  const tier = await prisma.priceTier.create({
    data: {
      venueId: venue.id,
      code: 'STD',
      name: 'Standard',
      color: '#888',
      defaultPriceCents: priceCents,
    },
  });
  const section = await prisma.section.create({
    data: { venueId: venue.id, code: 'MAIN', name: 'Main' },
  });
  await prisma.row.createMany({
    data: Array.from({ length: rows }, (_, r) => ({
      sectionId: section.id,
      label: `R${r + 1}`,
      sortOrder: r,
    })),
  });
  const rowIds = (
    await prisma.row.findMany({ where: { sectionId: section.id }, orderBy: { sortOrder: 'asc' } })
  ).map((r) => r.id);
  for (const [r, rowId] of rowIds.entries()) {
    await prisma.seat.createMany({
      data: Array.from({ length: seatsPerRow }, (_, p) => ({
        venueId: venue.id,
        sectionId: section.id,
        rowId,
        label: String(p + 1),
        position: p + 1,
        x: (p + 1) * spacing,
        y: (r + 10) * spacing,
        priceTierId: tier.id,
      })),
    });
  }
  const seats = await prisma.seat.findMany({
    where: { venueId: venue.id },
    orderBy: [{ y: 'asc' }, { position: 'asc' }],
    select: { id: true },
  });
  return { venueId: venue.id, city, tierId: tier.id, seatIds: seats.map((s) => s.id) };
};
