// Rows for the reconciliation benchmark: a venue of `rows` x 100 seats, an event on it and a pool
// of fans, all with a random token; removeBenchEvent deletes exactly these rows.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@tessera/db/client';
import { createGridVenue } from '@tessera/core/testing/grid-venue';

export const SEATS_PER_ROW = 100;

export interface BenchEvent {
  eventId: string;
  venueId: string;
  userIds: string[];
  /** Seat ids in aligned pairs (positions 1-2, 3-4, …): holding whole pairs never strands a seat. */
  pairs: Array<[number, number]>;
}

export const createBenchEvent = async ({
  prisma,
  rows,
  fans,
}: {
  prisma: PrismaClient;
  rows: number;
  fans: number;
}): Promise<BenchEvent> => {
  const token = randomUUID().slice(0, 8);
  const venue = await createGridVenue({
    prisma,
    rows,
    seatsPerRow: SEATS_PER_ROW,
    spacing: 2,
    name: `Bench ${token}`,
    priceCents: 1000,
  });
  const seats = venue.seatIds.map((id) => ({ id }));
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 1 < seats.length; i += 2) pairs.push([seats[i]!.id, seats[i + 1]!.id]);
  const event = await prisma.event.create({
    data: {
      title: `Reconcile bench ${token}`,
      description: 'bench',
      category: 'CONCERT',
      city: venue.city,
      venueId: venue.venueId,
      startsAt: new Date(Date.now() + 86_400_000),
      capacity: seats.length,
      status: 'PUBLISHED',
    },
  });
  const emails = Array.from({ length: fans }, (_, i) => `bench-${token}-${i}@example.test`);
  await prisma.user.createMany({
    data: emails.map((email) => ({ email, name: 'Bench fan', passwordHash: 'x' })),
  });
  const userIds = (
    await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } })
  ).map((u) => u.id);
  return { eventId: event.id, venueId: venue.venueId, userIds, pairs };
};

export const removeBenchEvent = async (prisma: PrismaClient, bench: BenchEvent) => {
  await prisma.event.deleteMany({ where: { id: bench.eventId } });
  await prisma.seat.deleteMany({ where: { venueId: bench.venueId } });
  await prisma.venue.deleteMany({ where: { id: bench.venueId } });
  await prisma.user.deleteMany({ where: { id: { in: bench.userIds } } });
};
