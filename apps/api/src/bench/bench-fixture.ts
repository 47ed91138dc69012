// Bench data: one venue with `rows` x `seatsPerRow` seats (bulk-inserted), two published events on
// it (one for the API run, one for the ceiling run), a per-fan limit, and fans with sessions.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import { createSession } from '@tessera/core/auth/sessions.service';

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
  const venue = await prisma.venue.create({
    data: {
      name: `Bench ${token}`,
      city: `bench-${token}`,
      width: seatsPerRow,
      height: rows + 10,
      stageX: seatsPerRow / 2,
      stageY: 0,
    },
  });
  const tier = await prisma.priceTier.create({
    data: {
      venueId: venue.id,
      code: 'STD',
      name: 'Standard',
      color: '#888',
      defaultPriceCents: 5000,
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
        x: p + 1,
        y: r + 10,
        priceTierId: tier.id,
      })),
    });
  }
  const seats = await prisma.seat.findMany({
    where: { venueId: venue.id },
    orderBy: [{ y: 'asc' }, { position: 'asc' }],
    select: { id: true },
  });
  const makeEvent = async (title: string) => {
    const event = await prisma.event.create({
      data: {
        title: `${title} ${token}`,
        description: 'holds benchmark',
        category: 'CONCERT',
        city: venue.city,
        venueId: venue.id,
        startsAt: new Date(Date.now() + 86_400_000),
        status: 'PUBLISHED',
        capacity: seats.length,
        prices: { create: [{ priceTierId: tier.id, priceCents: 5000 }] },
        onSales: {
          create: [
            {
              name: 'Bench sale',
              startsAt: new Date(Date.now() - 60_000),
              endsAt: new Date(Date.now() + 3_600_000),
              status: 'OPEN',
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
    venueId: venue.id,
    apiEventId: await makeEvent('Bench API'),
    ceilingEventId: await makeEvent('Bench ceiling'),
    seatIds: seats.map((s) => s.id),
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
