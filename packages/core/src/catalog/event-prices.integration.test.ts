// What the catalog says an event costs agrees with what checkout charges for its seats: an event's
// own tier price, else the venue tier's default; tiers without seats never count. Covers events
// with all, some and none of their own prices, in events.list (summary, price filter, pages) and
// events.get, against real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZListEventsRequest, type ListEventsRequest } from '@tessera/contracts/catalog';
import { createPrismaClient } from '@tessera/db/client';
import { createEventSaleInfoCache, seatInfoOf } from '../checkout/event-sale-info.ts';
import { createTestEvent, createTestVenue, uniqueToken } from '../testing/catalog-fixtures.ts';
import { getEvent } from './get-event.ts';
import { listEvents } from './list-events.ts';
import { findEventSummariesPricedWithin } from './read-priced-rows.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL! });
const DAY = 24 * 60 * 60 * 1000;
// Far from every other test's events, so a date window holds only this file's.
const base = Date.now() + (3000 + Math.floor(Math.random() * 30_000)) * DAY;
const onDay = (day: number) => new Date(base + day * DAY);
const window = { from: onDay(0).toISOString(), to: onDay(10).toISOString() };
const token = uniqueToken('priced');
const ids: Record<'own' | 'defaults' | 'mixed' | 'seatless', string> = {
  own: '',
  defaults: '',
  mixed: '',
  seatless: '',
};

const list = async (request: ListEventsRequest) =>
  (await listEvents({ prisma, filters: ZListEventsRequest.parse({ q: token, ...request }) })).items;
const listIds = async (request: ListEventsRequest) => (await list(request)).map((e) => e.id);

/** Cheapest and dearest seat as checkout prices them (checkout/event-sale-info.ts). */
const checkoutRange = async (eventId: string) => {
  const info = await createEventSaleInfoCache({ prisma, ttlMs: 60_000 }).get(eventId);
  const cents = info.seatIds.map((seatId) => seatInfoOf(info, seatId).priceCents);
  return { minPriceCents: Math.min(...cents), maxPriceCents: Math.max(...cents) };
};

beforeAll(async () => {
  const city = uniqueToken('Pricetown');
  const hall = await createTestVenue({
    prisma,
    name: uniqueToken('Hall'),
    city,
    tiers: [
      { code: 'STALLS', defaultPriceCents: 4000 },
      { code: 'BALCONY', defaultPriceCents: 2500 },
    ],
  });
  const [stalls, balcony] = hall.priceTiers.map((t) => t.id) as [number, number];
  // A tier the layout defines but no seat uses: nobody can buy it, whatever it costs.
  const boxes = await prisma.priceTier.create({
    data: {
      venueId: hall.venue.id,
      code: 'BOX',
      name: 'Boxes',
      color: '#000000',
      sortOrder: 2,
      defaultPriceCents: 500,
    },
  });
  const event = { prisma, venueId: hall.venue.id, city, capacity: hall.capacity };
  ids.own = (
    await createTestEvent({
      ...event,
      title: `Own prices ${token}`,
      startsAt: onDay(1),
      prices: [
        { priceTierId: stalls, priceCents: 6000 },
        { priceTierId: balcony, priceCents: 3500 },
        { priceTierId: boxes.id, priceCents: 100 },
      ],
    })
  ).id;
  ids.defaults = (
    await createTestEvent({ ...event, title: `Venue defaults ${token}`, startsAt: onDay(2) })
  ).id;
  ids.mixed = (
    await createTestEvent({
      ...event,
      title: `Stalls priced ${token}`,
      startsAt: onDay(3),
      prices: [{ priceTierId: stalls, priceCents: 9000 }],
    })
  ).id;
  const empty = await createTestVenue({ prisma, name: uniqueToken('Empty'), city, seatsPerRow: 0 });
  ids.seatless = (
    await createTestEvent({
      ...event,
      venueId: empty.venue.id,
      capacity: 0,
      title: `No seats yet ${token}`,
      startsAt: onDay(4),
    })
  ).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('event prices', () => {
  it('summarises each event with the cheapest and dearest seat checkout would charge', async () => {
    const items = await list(window);
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const id of [ids.own, ids.defaults, ids.mixed]) {
      expect(byId.get(id)).toMatchObject(await checkoutRange(id));
    }
    expect(byId.get(ids.defaults)).toMatchObject({ minPriceCents: 2500, maxPriceCents: 4000 });
    expect(byId.get(ids.mixed)).toMatchObject({ minPriceCents: 2500, maxPriceCents: 9000 });
    expect(byId.get(ids.own)).toMatchObject({ minPriceCents: 3500, maxPriceCents: 6000 });
    // No seat to sell: the web app says "Prices soon".
    expect(byId.get(ids.seatless)).toMatchObject({ minPriceCents: null, maxPriceCents: null });
  });

  it('gives events.get the same range and tier prices as the list', async () => {
    const listed = new Map((await list(window)).map((item) => [item.id, item]));
    for (const id of Object.values(ids)) {
      const event = await getEvent({ prisma, eventId: id, viewerIsAdmin: async () => false });
      expect(event.minPriceCents).toBe(listed.get(id)!.minPriceCents);
      expect(event.maxPriceCents).toBe(listed.get(id)!.maxPriceCents);
    }
    const defaults = await getEvent({
      prisma,
      eventId: ids.defaults,
      viewerIsAdmin: async () => false,
    });
    expect(defaults.priceTiers.map((t) => [t.code, t.priceCents])).toEqual([
      ['STALLS', 4000],
      ['BALCONY', 2500],
      ['BOX', 500],
    ]);
  });

  it('filters by price on what checkout charges, venue defaults included', async () => {
    expect(await listIds({ ...window, maxPriceCents: 2600 })).toEqual([ids.defaults, ids.mixed]);
    expect(await listIds({ ...window, minPriceCents: 8000 })).toEqual([ids.mixed]);
    expect(await listIds({ ...window, minPriceCents: 3000, maxPriceCents: 3600 })).toEqual([
      ids.own,
    ]);
    expect(await listIds({ ...window, minPriceCents: 4000, maxPriceCents: 4000 })).toEqual([
      ids.defaults,
    ]);
    // Tier BOX has no seats: neither its default (500) nor an event's own price (100) matches.
    expect(await listIds({ ...window, maxPriceCents: 600 })).toEqual([]);
  });

  it('pages through a price-filtered list without repeating or skipping an event', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listEvents({
        prisma,
        filters: ZListEventsRequest.parse({
          q: token,
          ...window,
          maxPriceCents: 5000,
          limit: 1,
          cursor,
        }),
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([ids.own, ids.defaults, ids.mixed]);
  });

  it('applies the other filters across as many key chunks as it takes', async () => {
    const rows = await findEventSummariesPricedWithin({
      prisma,
      // Only the last of the three price matches passes this filter: two chunks hold none of it.
      where: { title: `Stalls priced ${token}` },
      price: { maxPriceCents: 5000, from: onDay(0), to: onDay(10) },
      take: 2,
      now: new Date(),
      keysPerChunk: 1,
    });
    expect(rows.map((row) => row.id)).toEqual([ids.mixed]);
  });
});
