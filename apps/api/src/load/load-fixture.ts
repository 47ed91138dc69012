// The k6 suite's data: an event on a grid venue with an open waiting-room window (opened by the
// real scheduler), N fan accounts sharing one password (hashed once, users bulk-inserted) and an
// admin account for the end-of-run verdict. Written as JSON the k6 scripts read with open().
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword } from '@tessera/core/auth/password';
import { createGridVenue } from '@tessera/core/testing/grid-venue';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import type { PrismaClient } from '@tessera/db/client';

export const ZLoadFixtureOptions = z.object({
  fans: z.number().int().min(1).max(200_000),
  /** Seats per row of the grid venue (rows follow from the fans unless given). */
  seatsPerRow: z.number().int().min(4).max(200).default(20),
  /** Default: enough rows for about 1.6 seats per fan, so most fans find seats. */
  rows: z.number().int().min(1).max(2_000).optional(),
  admitPerMinute: z.number().int().min(1).max(1_000_000).default(600),
  perFanSeatLimit: z.number().int().min(2).max(10).default(4),
  /** How long the on-sale window stays open. */
  windowMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
});
export type LoadFixtureOptions = z.input<typeof ZLoadFixtureOptions>;

export interface LoadFixture {
  createdAt: string;
  eventId: string;
  windowId: string;
  venueId: string;
  capacity: number;
  /** Every fan's password (accounts exist only for this run). */
  password: string;
  fans: Array<{ email: string }>;
  admin: { email: string; password: string };
  /** All seat ids, row by row (neighbours in a row are consecutive). */
  seatIds: number[];
  /** Four seats in the middle of the front row that a fifth of the fans ask for by id. */
  hotSeatIds: number[];
}

const BATCH = 5_000;

export const createLoadFixture = async ({
  prisma,
  redis,
  redisPrefix,
  options,
}: {
  prisma: PrismaClient;
  redis: Parameters<typeof runWindowSchedule>[0]['redis'];
  redisPrefix: string;
  options: LoadFixtureOptions;
}): Promise<LoadFixture> => {
  const o = ZLoadFixtureOptions.parse(options);
  const tag = randomUUID().slice(0, 8);
  const rows = o.rows ?? Math.ceil((o.fans * 1.6) / o.seatsPerRow) + 1;
  const venue = await createGridVenue({
    prisma,
    rows,
    seatsPerRow: o.seatsPerRow,
    name: `Load test ${tag}`,
  });
  const now = Date.now();
  const event = await prisma.event.create({
    data: {
      title: `Load test ${tag}`,
      description: 'k6 load test event (pnpm load:setup)',
      category: 'CONCERT',
      city: venue.city,
      venueId: venue.venueId,
      startsAt: new Date(now + (o.windowMinutes + 24 * 60) * 60_000),
      status: 'PUBLISHED',
      capacity: venue.seatIds.length,
      prices: { create: [{ priceTierId: venue.tierId, priceCents: 5000 }] },
    },
  });
  const window = await prisma.onSaleWindow.create({
    data: {
      eventId: event.id,
      name: 'Load test sale',
      startsAt: new Date(now - 1_000),
      endsAt: new Date(now + o.windowMinutes * 60_000),
      waitingRoomEnabled: true,
      admissionMode: 'PACE',
      admissionRatePerMinute: o.admitPerMinute,
      perFanSeatLimit: o.perFanSeatLimit,
    },
  });
  await runWindowSchedule({ prisma, redis, prefix: redisPrefix, windowIds: [window.id] });

  const password = `Load-${randomBytes(9).toString('base64url')}-1`;
  const adminPassword = `Admin-${randomBytes(9).toString('base64url')}-1`;
  const [passwordHash, adminHash] = await Promise.all([
    hashPassword(password),
    hashPassword(adminPassword),
  ]);
  const fans = Array.from({ length: o.fans }, (_, i) => ({
    email: `load-${tag}-${i}@load.tessera.test`,
  }));
  for (let i = 0; i < fans.length; i += BATCH) {
    await prisma.user.createMany({
      data: fans
        .slice(i, i + BATCH)
        .map((f, j) => ({ email: f.email, name: `Load fan ${i + j}`, passwordHash })),
    });
  }
  const admin = { email: `load-${tag}-admin@load.tessera.test`, password: adminPassword };
  await prisma.user.create({
    data: { email: admin.email, name: 'Load admin', passwordHash: adminHash, role: 'ADMIN' },
  });
  const middle = Math.floor(o.seatsPerRow / 2) - 2;
  return {
    createdAt: new Date(now).toISOString(),
    eventId: event.id,
    windowId: window.id,
    venueId: venue.venueId,
    capacity: venue.seatIds.length,
    password,
    fans,
    admin,
    seatIds: venue.seatIds,
    hotSeatIds: venue.seatIds.slice(middle, middle + 4),
  };
};
