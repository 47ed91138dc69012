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
  orders: await prisma.order.count(),
  orderSeats: await prisma.orderSeat.count(),
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
  orders: await prisma.order.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } }),
});

/** Live (sold_guard) order seats per event id. */
const liveSales = async () =>
  new Map(
    (
      await prisma.orderSeat.groupBy({
        by: ['eventId'],
        where: { soldGuard: true },
        _count: { _all: true },
      })
    ).map((g) => [g.eventId, g._count._all]),
  );

const expectSeatsSoldMatchSales = async () => {
  const sales = await liveSales();
  for (const e of await prisma.event.findMany()) expect(e.seatsSold).toBe(sales.get(e.id) ?? 0);
};

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

  it('backs seats_sold with confirmed box-office sales priced from the event tiers', async () => {
    await expectSeatsSoldMatchSales();
    const events = await prisma.event.findMany();
    const soldOut = events.find((e) => e.seatsSold === e.capacity)!;
    expect(await prisma.orderSeat.count({ where: { eventId: soldOut.id, soldGuard: true } })).toBe(
      soldOut.capacity,
    );
    const nearly = events.filter((e) => e.seatsSold > 0 && e.seatsSold < e.capacity);
    expect(nearly.map((e) => e.capacity - e.seatsSold)).toEqual([12]);
    const orders = await prisma.order.findMany({ include: { user: true, seats: true } });
    expect(orders.map((o) => o.eventId).sort()).toEqual([soldOut.id, nearly[0]!.id].sort());
    for (const o of orders) {
      expect([o.status, o.user.email, o.user.role]).toEqual([
        'CONFIRMED',
        'boxoffice@tessera.dev',
        'FAN',
      ]);
      expect(o.totalCents).toBe(o.seats.reduce((sum, seat) => sum + seat.priceCents, 0));
    }
    const mispriced = await prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM order_seats o JOIN seats s ON s.id = o.seat_id
      LEFT JOIN event_tier_prices p ON p.event_id = o.event_id AND p.price_tier_id = s.price_tier_id
      WHERE p.price_cents IS DISTINCT FROM o.price_cents`;
    expect(mispriced[0]!.n).toBe(0n);
  });

  it('leaves the nearly sold-out event 12 adjacent seats in one row', async () => {
    const event = (await prisma.event.findMany()).find((e) => e.capacity - e.seatsSold === 12)!;
    const free = await prisma.seat.findMany({
      where: { venueId: event.venueId, orderSeats: { none: { eventId: event.id } } },
      orderBy: { position: 'asc' },
    });
    expect(free).toHaveLength(12);
    expect(new Set(free.map((seat) => seat.rowId)).size).toBe(1);
    expect(free.at(-1)!.position - free[0]!.position).toBe(11);
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

  it("backs a DB seeded before sales existed, keeping a fan's real sale", async () => {
    const event = (await prisma.event.findMany()).find((e) => e.capacity - e.seatsSold === 12)!;
    await prisma.order.deleteMany({ where: { eventId: event.id } });
    await prisma.event.update({ where: { id: event.id }, data: { seatsSold: event.seatsSold } });
    const fan = await prisma.user.findUniqueOrThrow({ where: { email: 'fan@tessera.dev' } });
    const seat = await prisma.seat.findFirstOrThrow({
      where: { venueId: event.venueId },
      orderBy: { id: 'asc' },
    });
    await prisma.order.create({
      data: {
        userId: fan.id,
        eventId: event.id,
        status: 'CONFIRMED',
        totalCents: 4_200,
        seats: { create: { eventId: event.id, seatId: seat.id, priceCents: 4_200 } },
      },
    });

    await seedDemoData({ prisma, now: NOW });

    await expectSeatsSoldMatchSales();
    const after = await prisma.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.capacity - after.seatsSold).toBe(12);
    const fanSeat = await prisma.orderSeat.findMany({
      where: { eventId: event.id, seatId: seat.id },
    });
    expect(fanSeat.map((s) => s.priceCents)).toEqual([4_200]);
    const countsBefore = await counts();
    await seedDemoData({ prisma, now: NOW });
    expect(await counts()).toEqual(countsBefore);
  }, 120_000);
});
