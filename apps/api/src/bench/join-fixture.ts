// Join benchmark data: an event on a small venue with an open waiting-room window (opened by the
// real scheduler), and N fans with sessions inserted in bulk (no argon2 logins) and warmed in the
// Redis session cache, as fans who browsed before the sale would be.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import { writeCachedSession } from '@tessera/core/auth/session-cache.store';
import { generateSessionToken, sessionIdFromToken } from '@tessera/core/auth/session-token';
import { SESSION_LIFETIME_MS } from '@tessera/core/auth/sessions.service';
import { createGridVenue } from '@tessera/core/testing/grid-venue';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';

export interface JoinFixture {
  venueId: string;
  eventId: string;
  windowId: string;
  fans: Array<{ userId: string; token: string }>;
}

export const createJoinFixture = async ({
  prisma,
  redis,
  redisPrefix,
  fans,
  admitPerMinute,
}: {
  prisma: PrismaClient;
  redis: Redis;
  redisPrefix: string;
  fans: number;
  admitPerMinute: number;
}): Promise<JoinFixture> => {
  const tag = randomUUID().slice(0, 8);
  const venue = await createGridVenue({
    prisma,
    rows: 10,
    seatsPerRow: 20,
    name: `Join bench ${tag}`,
  });
  const event = await prisma.event.create({
    data: {
      title: `Join bench ${tag}`,
      description: 'join benchmark',
      category: 'CONCERT',
      city: venue.city,
      venueId: venue.venueId,
      startsAt: new Date(Date.now() + 86_400_000),
      status: 'PUBLISHED',
      capacity: venue.seatIds.length,
      prices: { create: [{ priceTierId: venue.tierId, priceCents: 5000 }] },
    },
  });
  const window = await prisma.onSaleWindow.create({
    data: {
      eventId: event.id,
      name: 'Bench sale',
      startsAt: new Date(Date.now() - 1_000),
      endsAt: new Date(Date.now() + 3_600_000),
      waitingRoomEnabled: true,
      admissionMode: 'PACE',
      admissionRatePerMinute: admitPerMinute,
      // Fans subscribed for the delivery probe stay connected; the rest never come back.
      graceSeconds: 3_600,
    },
  });
  await runWindowSchedule({ prisma, redis, prefix: redisPrefix, windowIds: [window.id] });

  const now = Date.now();
  const expiresAt = new Date(now + SESSION_LIFETIME_MS);
  const people = Array.from({ length: fans }, (_, i) => ({
    userId: randomUUID(),
    token: generateSessionToken(),
    email: `join-bench-${tag}-${i}@example.test`,
  }));
  for (let i = 0; i < people.length; i += 5_000) {
    const batch = people.slice(i, i + 5_000);
    await prisma.user.createMany({
      data: batch.map((p, j) => ({
        id: p.userId,
        email: p.email,
        name: `Fan ${i + j}`,
        passwordHash: 'x',
      })),
    });
    await prisma.session.createMany({
      data: batch.map((p) => ({ id: sessionIdFromToken(p.token), userId: p.userId, expiresAt })),
    });
    await Promise.all(
      batch.map((p) =>
        writeCachedSession({
          redis,
          redisPrefix,
          now,
          session: {
            id: sessionIdFromToken(p.token),
            userId: p.userId,
            expiresAt: expiresAt.getTime(),
            user: { id: p.userId, email: p.email, name: 'Fan', role: 'FAN' },
          },
        }),
      ),
    );
  }
  return {
    venueId: venue.venueId,
    eventId: event.id,
    windowId: window.id,
    fans: people.map(({ userId, token }) => ({ userId, token })),
  };
};

export const deleteJoinFixture = async (prisma: PrismaClient, fixture: JoinFixture) => {
  await prisma.event.deleteMany({ where: { id: fixture.eventId } });
  await prisma.seat.deleteMany({ where: { venueId: fixture.venueId } });
  await prisma.venue.deleteMany({ where: { id: fixture.venueId } });
  for (let i = 0; i < fixture.fans.length; i += 5_000)
    await prisma.user.deleteMany({
      where: { id: { in: fixture.fans.slice(i, i + 5_000).map((f) => f.userId) } },
    });
};
