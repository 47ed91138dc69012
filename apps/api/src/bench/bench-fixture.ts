// Bench data: one venue with `rows` x `seatsPerRow` seats (bulk-inserted), two published events on
// it (one for the API run, one for the ceiling run), a per-fan limit, and fans with sessions.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import { createSession } from '@tessera/core/auth/sessions.service';
import { createGridVenue } from '@tessera/core/testing/grid-venue';

export interface BenchFixture {
  venueId: string;
  apiEventId: string;
  ceilingEventId: string;
  /** Seat ids in row order then position order: consecutive ids are neighbours. */
  seatIds: number[];
  fans: Array<{ userId: string; token: string }>;
}

export const createBenchFixture = async ({
  prisma,
  redis,
  redisPrefix,
  rows,
  seatsPerRow,
  fans,
  perFanSeatLimit,
}: {
  prisma: PrismaClient;
  redis: Redis;
  redisPrefix: string;
  rows: number;
  seatsPerRow: number;
  fans: number;
  perFanSeatLimit: number;
}): Promise<BenchFixture> => {
  const token = randomUUID().slice(0, 8);
  const venue = await createGridVenue({ prisma, rows, seatsPerRow, name: `Bench ${token}` });
  const makeEvent = async (title: string) => {
    const event = await prisma.event.create({
      data: {
        title: `${title} ${token}`,
        description: 'holds benchmark',
        category: 'CONCERT',
        city: venue.city,
        venueId: venue.venueId,
        startsAt: new Date(Date.now() + 86_400_000),
        status: 'PUBLISHED',
        capacity: venue.seatIds.length,
        prices: { create: [{ priceTierId: venue.tierId, priceCents: 5000 }] },
        onSales: {
          create: [
            {
              name: 'Bench sale',
              startsAt: new Date(Date.now() - 60_000),
              endsAt: new Date(Date.now() + 3_600_000),
              status: 'OPEN',
              // Holds go straight in: the window row defaults to a waiting room, whose gate a
              // loaded event mirrors, and the bench's fans hold no admission pass.
              waitingRoomEnabled: false,
              perFanSeatLimit,
            },
          ],
        },
      },
    });
    return event.id;
  };
  await prisma.user.createMany({
    data: Array.from({ length: fans }, (_, i) => ({
      email: `bench-${token}-${i}@example.test`,
      name: `Bench fan ${i}`,
      passwordHash: 'x',
    })),
  });
  const users = await prisma.user.findMany({
    where: { email: { startsWith: `bench-${token}-` } },
    select: { id: true },
  });
  const withSessions: BenchFixture['fans'] = [];
  for (let i = 0; i < users.length; i += 50) {
    withSessions.push(
      ...(await Promise.all(
        users.slice(i, i + 50).map(async ({ id }) => ({
          userId: id,
          token: (await createSession({ prisma, redis, redisPrefix, userId: id })).token,
        })),
      )),
    );
  }
  return {
    venueId: venue.venueId,
    apiEventId: await makeEvent('Bench API'),
    ceilingEventId: await makeEvent('Bench ceiling'),
    seatIds: venue.seatIds,
    fans: withSessions,
  };
};

export const deleteBenchFixture = async (prisma: PrismaClient, fixture: BenchFixture) => {
  const events = [fixture.apiEventId, fixture.ceilingEventId];
  await prisma.hold.deleteMany({ where: { eventId: { in: events } } });
  await prisma.event.deleteMany({ where: { id: { in: events } } });
  await prisma.seat.deleteMany({ where: { venueId: fixture.venueId } });
  await prisma.venue.deleteMany({ where: { id: fixture.venueId } });
  await prisma.user.deleteMany({ where: { id: { in: fixture.fans.map((f) => f.userId) } } });
};
