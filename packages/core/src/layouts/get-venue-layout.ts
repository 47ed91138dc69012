// admin.venues.get: a venue, its layout document (null for venues seeded before the designer),
// the seats it has now, and the seats events depend on (a save may not drop or move those).
import type { PrismaClient } from '@tessera/db/client';
import { AppErrorCode } from '@tessera/contracts/errors';
import { ZLayoutDocument } from '@tessera/contracts/layouts';
import { AppError } from '../errors/app-error.ts';
import { findSeatsInUse } from './venue-layout.repository.ts';

export const getVenueLayout = async ({
  prisma,
  venueId,
}: {
  prisma: PrismaClient;
  venueId: string;
}) => {
  const venue = await prisma.venue.findUnique({
    where: { id: venueId },
    include: {
      priceTiers: { orderBy: { sortOrder: 'asc' } },
      _count: { select: { events: true } },
    },
  });
  if (!venue)
    throw new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'This venue does not exist.' });
  const seats = await prisma.seat.findMany({
    where: { venueId },
    orderBy: [{ sectionId: 'asc' }, { rowId: 'asc' }, { position: 'asc' }],
    select: {
      id: true,
      label: true,
      position: true,
      x: true,
      y: true,
      accessible: true,
      section: { select: { code: true } },
      row: { select: { label: true } },
      priceTier: { select: { code: true } },
    },
  });
  const inUse = await findSeatsInUse(prisma, { seatIds: seats.map((s) => s.id), now: new Date() });
  const parsed = ZLayoutDocument.safeParse(venue.layoutDocument);
  return {
    venue: {
      id: venue.id,
      name: venue.name,
      city: venue.city,
      address: venue.address,
      layoutVersion: venue.layoutVersion,
      eventCount: venue._count.events,
    },
    document: parsed.success ? parsed.data : null,
    tiers: venue.priceTiers.map((t) => ({
      code: t.code,
      name: t.name,
      color: t.color,
      defaultPriceCents: t.defaultPriceCents,
    })),
    bounds: {
      width: venue.width,
      height: venue.height,
      stage: { x: venue.stageX, y: venue.stageY },
    },
    seats: seats.map((s) => ({
      id: s.id,
      section: s.section.code,
      row: s.row.label,
      label: s.label,
      position: s.position,
      x: s.x,
      y: s.y,
      tierCode: s.priceTier.code,
      accessible: s.accessible,
    })),
    lockedSeatIds: [...new Set(inUse.map((u) => u.seatId))],
  };
};
