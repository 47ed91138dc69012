// admin.venues.create: a new venue and its first layout, in one transaction.
import type { PrismaClient } from '@tessera/db/client';
import type { LayoutDocument } from '@tessera/contracts/layouts';
import { layoutInvalid } from './layout-errors.ts';
import { planLayoutChange } from './plan-layout-change.ts';
import { checkLayout } from './validate-layout.ts';
import { writeLayout } from './write-layout.repository.ts';

export interface CreateVenueOptions {
  prisma: PrismaClient;
  details: { name: string; city: string; address: string };
  document: LayoutDocument;
}

export const createVenue = async ({ prisma, details, document }: CreateVenueOptions) => {
  const check = checkLayout(document);
  if (!check.ok) throw layoutInvalid(check.issues);
  return prisma.$transaction(
    async (tx) => {
      const venue = await tx.venue.create({
        data: {
          ...details,
          width: document.width,
          height: document.height,
          stageX: document.stage.x,
          stageY: document.stage.y,
          // writeLayout bumps it: the first saved layout is version 1.
          layoutVersion: 0,
        },
      });
      const layoutVersion = await writeLayout({
        tx,
        venueId: venue.id,
        doc: document,
        layout: check.layout,
        change: planLayoutChange([], check.layout.seats),
      });
      return { id: venue.id, layoutVersion, seatCount: check.layout.seats.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
};
