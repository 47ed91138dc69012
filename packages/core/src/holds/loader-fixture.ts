// Postgres rows for the loader tests: a small venue, an event, sold, refunded and held seats.
// Every name carries a random token and cleanup deletes only these rows (the database is shared).
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@tessera/db/client';

export interface LoaderFixture {
  userId: string;
  venueId: string;
  eventId: string;
  /** The live hold on B1 and B2 (reconciled at version 41). */
  holdId: string;
  heldUntil: Date;
  /** Seat ids of row A and row B, by position. */
  a: number[];
  b: number[];
}

/**
 * Venue: stage at (2.5, 0); row A (y=10) and row B (y=20) of four seats at x = 1..4.
 * A1, A2 sold; A3 sold then refunded (guard cleared); B1, B2 held; B4 held but already expired.
 */
export const createLoaderFixture = async (prisma: PrismaClient): Promise<LoaderFixture> => {
  const token = randomUUID().slice(0, 8);
  const heldUntil = new Date(Date.now() + 10 * 60_000);
  const ids: LoaderFixture = {
    userId: '',
    venueId: '',
    eventId: '',
    holdId: '',
    heldUntil,
    a: [],
    b: [],
  };
  const user = await prisma.user.create({
    data: { email: `holds-${token}@example.test`, name: 'Holds loader', passwordHash: 'x' },
  });
  const venue = await prisma.venue.create({
    data: {
      name: `Holds venue ${token}`,
      city: `holds-${token}`,
      width: 10,
      height: 30,
      stageX: 2.5,
      stageY: 0,
    },
  });
  const tier = await prisma.priceTier.create({
    data: {
      venueId: venue.id,
      code: 'STD',
      name: 'Standard',
      color: '#000',
      defaultPriceCents: 1000,
    },
  });
  const section = await prisma.section.create({
    data: { venueId: venue.id, code: 'MAIN', name: 'Main' },
  });
  for (const [label, y, sortOrder] of [
    ['A', 10, 0],
    ['B', 20, 1],
  ] as const) {
    const row = await prisma.row.create({ data: { sectionId: section.id, label, sortOrder } });
    for (let position = 1; position <= 4; position++) {
      const seat = await prisma.seat.create({
        data: {
          venueId: venue.id,
          sectionId: section.id,
          rowId: row.id,
          label: `${label}${position}`,
          position,
          x: position,
          y,
          priceTierId: tier.id,
        },
      });
      (label === 'A' ? ids.a : ids.b).push(seat.id);
    }
  }
  const event = await prisma.event.create({
    data: {
      title: `Holds ${token}`,
      description: 'loader test',
      category: 'CONCERT',
      city: venue.city,
      venueId: venue.id,
      startsAt: heldUntil,
      capacity: 8,
    },
  });
  Object.assign(ids, { userId: user.id, venueId: venue.id, eventId: event.id });
  await prisma.order.create({
    data: {
      userId: user.id,
      eventId: event.id,
      totalCents: 3000,
      status: 'CONFIRMED',
      seats: {
        create: [
          { eventId: event.id, seatId: ids.a[0]!, priceCents: 1000 },
          { eventId: event.id, seatId: ids.a[1]!, priceCents: 1000 },
          {
            eventId: event.id,
            seatId: ids.a[2]!,
            priceCents: 1000,
            status: 'REFUNDED',
            soldGuard: null,
          },
        ],
      },
    },
  });
  const hold = await prisma.hold.create({
    data: {
      eventId: event.id,
      userId: user.id,
      expiresAt: heldUntil,
      version: 41n,
      seats: {
        create: [ids.b[0]!, ids.b[1]!].map((seatId) => ({
          seatId,
          eventId: event.id,
          expiresAt: heldUntil,
        })),
      },
    },
  });
  ids.holdId = hold.id;
  const past = new Date(Date.now() - 60_000);
  await prisma.hold.create({
    data: {
      eventId: event.id,
      userId: user.id,
      expiresAt: past,
      seats: { create: [{ seatId: ids.b[3]!, eventId: event.id, expiresAt: past }] },
    },
  });
  return ids;
};

export const deleteLoaderFixture = async (prisma: PrismaClient, ids: LoaderFixture) => {
  await prisma.order.deleteMany({ where: { eventId: ids.eventId } });
  await prisma.hold.deleteMany({ where: { eventId: ids.eventId } });
  await prisma.event.deleteMany({ where: { id: ids.eventId } });
  await prisma.seat.deleteMany({ where: { venueId: ids.venueId } });
  await prisma.venue.deleteMany({ where: { id: ids.venueId } });
  await prisma.user.deleteMany({ where: { id: ids.userId } });
};
