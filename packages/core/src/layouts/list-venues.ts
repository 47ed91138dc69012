// admin.venues.list: every venue with its size, for the designer's index.
import type { PrismaClient } from '@tessera/db/client';
import type { VenueSummary } from '@tessera/contracts/layouts';

export const listVenues = async ({ prisma }: { prisma: PrismaClient }): Promise<VenueSummary[]> => {
  const venues = await prisma.venue.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      city: true,
      address: true,
      layoutVersion: true,
      updatedAt: true,
      // Only whether a document exists: the documents themselves can be large.
      _count: { select: { seats: true, sections: true, events: true } },
    },
  });
  const withDocument = new Set(
    (
      await prisma.$queryRaw<Array<{ id: string }>>`
        SELECT id::text FROM venues WHERE layout_document IS NOT NULL`
    ).map((v) => v.id),
  );
  return venues.map((v) => ({
    id: v.id,
    name: v.name,
    city: v.city,
    address: v.address,
    layoutVersion: v.layoutVersion,
    seatCount: v._count.seats,
    sectionCount: v._count.sections,
    eventCount: v._count.events,
    editable: withDocument.has(v.id),
    updatedAt: v.updatedAt.toISOString(),
  }));
};
