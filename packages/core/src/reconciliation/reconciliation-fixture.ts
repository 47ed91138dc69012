// Test rows for reconciliation and invariant tests: a one-row venue, an event loaded into Redis
// under the test file's prefix, two fans, and readers of the Postgres mirror. Every name carries
// a random token and cleanup deletes only these rows (the database is shared).
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { holdSeats } from '../holds/hold-seats.ts';
import { loadEventSeatState } from '../holds/load-event-seat-state.ts';
import { createTestEvent, createTestVenue, uniqueToken } from '../testing/catalog-fixtures.ts';

export interface ReconciliationFixture {
  eventId: string;
  venueId: string;
  /** Seat ids of the single row, by position. */
  seats: number[];
  fans: [string, string];
  store: { redis: Redis; prefix: string; eventId: string };
  hold: (options: { seats: number[]; fan?: 0 | 1; ttlMs?: number }) => ReturnType<typeof holdSeats>;
}

export const createReconciliationFixture = async ({
  prisma,
  redis,
  prefix,
  seatsPerRow = 12,
}: {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  seatsPerRow?: number;
}): Promise<ReconciliationFixture> => {
  const token = uniqueToken('recon');
  const { venue, capacity } = await createTestVenue({
    prisma,
    name: `Venue ${token}`,
    city: token,
    seatsPerRow,
  });
  const event = await createTestEvent({
    prisma,
    venueId: venue.id,
    title: `Event ${token}`,
    city: token,
    capacity,
    startsAt: new Date(Date.now() + 86_400_000),
  });
  const fans: string[] = [];
  for (const n of [1, 2]) {
    const user = await prisma.user.create({
      data: {
        email: `${token}-${n}-${randomUUID()}@example.test`,
        name: `Fan ${n}`,
        passwordHash: 'x',
      },
    });
    fans.push(user.id);
  }
  const seats = (
    await prisma.seat.findMany({ where: { venueId: venue.id }, orderBy: { position: 'asc' } })
  ).map((seat) => seat.id);
  await loadEventSeatState({ prisma, redis, prefix, eventId: event.id });
  const store = { redis, prefix, eventId: event.id };
  return {
    eventId: event.id,
    venueId: venue.id,
    seats,
    fans: fans as [string, string],
    store,
    hold: ({ seats: seatIds, fan = 0, ttlMs = 60_000 }) =>
      holdSeats({ ...store, userId: fans[fan]!, seatIds, ttlMs, perUserSeatLimit: 12 }),
  };
};

export const deleteReconciliationFixture = async (
  prisma: PrismaClient,
  fixture: ReconciliationFixture,
) => {
  await prisma.order.deleteMany({ where: { eventId: fixture.eventId } });
  await prisma.event.deleteMany({ where: { id: fixture.eventId } });
  await prisma.seat.deleteMany({ where: { venueId: fixture.venueId } });
  await prisma.venue.deleteMany({ where: { id: fixture.venueId } });
  await prisma.user.deleteMany({ where: { id: { in: fixture.fans } } });
};

/** The event's Postgres hold mirror, in a stable order, for whole-state comparisons. */
export const readHoldMirror = async (prisma: PrismaClient, eventId: string) => {
  const holds = await prisma.hold.findMany({
    where: { eventId },
    orderBy: { id: 'asc' },
    include: { seats: { orderBy: { seatId: 'asc' } } },
  });
  const cursor = await prisma.eventSeatCursor.findUnique({ where: { eventId } });
  return { holds, cursor };
};
