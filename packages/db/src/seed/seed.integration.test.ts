import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../client.ts';
import { migrate } from '../migrate.ts';
import { createTempDatabase, type TempDatabase } from '../testing/temp-database.ts';
import { seedDemoData } from './seed-demo-data.ts';

const NOW = new Date('2026-03-02T08:30:00.000Z');
const DAY = 24 * 3_600_000;
let db: TempDatabase;
let prisma: PrismaClient;

const counts = async () => ({
  users: await prisma.user.count(),
  venues: await prisma.venue.count(),
  tiers: await prisma.priceTier.count(),
  sections: await prisma.section.count(),
  rows: await prisma.row.count(),
  seats: await prisma.seat.count(),
  events: await prisma.event.count(),
  prices: await prisma.eventTierPrice.count(),
  windows: await prisma.onSaleWindow.count(),
});

/** Everything the seed writes, minus bookkeeping timestamps. */
const snapshot = async () => ({
  users: await prisma.user.findMany({ orderBy: { email: 'asc' }, omit: { updatedAt: true } }),
  events: await prisma.event.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } }),
  prices: await prisma.eventTierPrice.findMany({
    orderBy: [{ eventId: 'asc' }, { priceTierId: 'asc' }],
  }),
  windows: await prisma.onSaleWindow.findMany({
    orderBy: { id: 'asc' },
    omit: { updatedAt: true },
  }),
});

beforeAll(async () => {
  db = await createTempDatabase({ baseUrl: process.env.DATABASE_URL! });
  await migrate(db.url);
  prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 4 });
  await seedDemoData({ prisma, now: NOW });
}, 180_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe('seedDemoData', () => {
  it('creates an admin and a fan whose demo passwords verify with argon2', async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@tessera.dev' } });
    const fan = await prisma.user.findUniqueOrThrow({ where: { email: 'fan@tessera.dev' } });
    expect([admin.role, admin.name, fan.role, fan.name]).toEqual([
      'ADMIN',
      'Ada Admin',
      'FAN',
      'Fran Fan',
    ]);
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(admin.passwordHash, 'Admin-pass-2026')).toBe(true);
    expect(await verify(fan.passwordHash, 'Fan-pass-2026')).toBe(true);
    expect(await verify(fan.passwordHash, 'Admin-pass-2026')).toBe(false);
  });

  it('creates 3+ venues, one of 10,000+ seats in 4+ sections of curved rows', async () => {
    const venues = await prisma.venue.findMany({
      include: { _count: { select: { seats: true } } },
    });
    expect(venues.length).toBeGreaterThanOrEqual(3);
    const arena = venues.find((v) => v._count.seats >= 10_000);
    expect(arena).toBeDefined();
    const curvedSections = await prisma.section.count({
      where: {
        venueId: arena!.id,
        rows: { some: {} },
        NOT: { rows: { some: { arcRadius: null } } },
      },
    });
    expect(curvedSections).toBeGreaterThanOrEqual(4);
    expect(
      await prisma.seat.count({ where: { venueId: arena!.id, accessible: true } }),
    ).toBeGreaterThan(0);
  });

  it('numbers the seats of every row 1..n without gaps', async () => {
    const rows = await prisma.seat.groupBy({
      by: ['rowId'],
      _count: { _all: true },
      _min: { position: true },
      _max: { position: true },
    });
    expect(rows.length).toBe(await prisma.row.count());
    for (const row of rows) {
      expect([row._min.position, row._max.position]).toEqual([1, row._count._all]);
    }
  });

  it('publishes 12+ events over 5+ categories and 4+ cities in the next six months', async () => {
    const events = await prisma.event.findMany({ where: { status: 'PUBLISHED' } });
    expect(events.length).toBeGreaterThanOrEqual(12);
    expect(new Set(events.map((e) => e.category)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(events.map((e) => e.city)).size).toBeGreaterThanOrEqual(4);
    for (const e of events) {
      expect(e.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(e.startsAt.getTime()).toBeLessThan(NOW.getTime() + 190 * DAY);
    }
    expect(events.filter((e) => e.seatsSold === e.capacity)).toHaveLength(1);
    expect(await prisma.event.count({ where: { status: 'DRAFT' } })).toBeGreaterThanOrEqual(1);
  });

  it('sizes each event to its venue, in its city, with a price for every tier', async () => {
    const events = await prisma.event.findMany({
      include: {
        prices: true,
        venue: { include: { priceTiers: true, _count: { select: { seats: true } } } },
      },
    });
    for (const e of events) {
      expect(e.capacity).toBe(e.venue._count.seats);
      expect(e.city).toBe(e.venue.city);
      expect(e.prices.map((p) => p.priceTierId).sort()).toEqual(
        e.venue.priceTiers.map((t) => t.id).sort(),
      );
      for (const p of e.prices) expect(p.priceCents).toBeGreaterThan(0);
    }
  });

  it('has windows open now, future windows, a presale before its general sale, and one without a waiting room', async () => {
    const windows = await prisma.onSaleWindow.findMany({ orderBy: { startsAt: 'asc' } });
    const open = windows.filter((w) => w.startsAt <= NOW && w.endsAt > NOW);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((w) => w.status === 'OPEN')).toBe(true);
    const future = windows.filter((w) => w.startsAt > NOW);
    expect(future.length).toBeGreaterThan(0);
    expect(future.every((w) => w.status === 'SCHEDULED')).toBe(true);
    const presale = future.find((w) => w.presaleCode !== null)!;
    expect(presale).toBeDefined();
    const general = windows.find((w) => w.eventId === presale.eventId && w.presaleCode === null);
    expect(general!.startsAt.getTime()).toBeGreaterThanOrEqual(presale.endsAt.getTime());
    expect(windows.some((w) => !w.waitingRoomEnabled)).toBe(true);
    const events = await prisma.event.findMany({ where: { onSales: { some: {} } } });
    for (const w of windows) {
      expect(w.endsAt.getTime()).toBeLessThanOrEqual(
        events.find((e) => e.id === w.eventId)!.startsAt.getTime(),
      );
    }
  });

  it('leaves the same data when run again', async () => {
    const [before, contentBefore] = [await counts(), await snapshot()];

    const summary = await seedDemoData({ prisma, now: NOW });

    expect(summary.venuesCreated).toBe(0);
    expect(await counts()).toEqual(before);
    expect(await snapshot()).toEqual(contentBefore);
  }, 120_000);

  it('moves the dates forward instead of adding copies when run later', async () => {
    const before = await counts();
    const eventsBefore = await prisma.event.findMany({ orderBy: { id: 'asc' } });

    await seedDemoData({ prisma, now: new Date(NOW.getTime() + 7 * DAY) });

    expect(await counts()).toEqual(before);
    const eventsAfter = await prisma.event.findMany({ orderBy: { id: 'asc' } });
    expect(eventsAfter.map((e) => e.id)).toEqual(eventsBefore.map((e) => e.id));
    eventsAfter.forEach((e, i) => {
      expect(e.startsAt.getTime() - eventsBefore[i]!.startsAt.getTime()).toBe(7 * DAY);
    });
  }, 120_000);
});
