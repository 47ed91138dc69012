// events.list rules against real Postgres: each filter returns exactly the matching events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZListEventsRequest, type ListEventsRequest } from '@tessera/contracts/catalog';
import { createPrismaClient } from '@tessera/db/client';
import { createTestEvent, createTestVenue, uniqueToken } from '../testing/catalog-fixtures.ts';
import { listEvents } from './list-events.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL! });
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

const token = uniqueToken('tok');
const city = uniqueToken('Cityville');
const otherCity = uniqueToken('Othertown');
const arenaName = uniqueToken('Arena');
const descriptionWord = uniqueToken('prince');
const ids: Record<string, string> = {};

const list = async (request: ListEventsRequest) => {
  const result = await listEvents({ prisma, filters: ZListEventsRequest.parse(request) });
  return result.items.map((item) => item.id);
};

beforeAll(async () => {
  const hall = await createTestVenue({
    prisma,
    name: uniqueToken('Hall'),
    city,
    // Defaults count where an event has no price of its own (as at checkout): derby's tier B
    // costs 6000, standup's 6000.
    tiers: [
      { code: 'A', defaultPriceCents: 2500 },
      { code: 'B', defaultPriceCents: 6000 },
    ],
  });
  const arena = await createTestVenue({ prisma, name: arenaName, city });
  const [tierA, tierB] = hall.priceTiers.map((t) => t.id) as [number, number];
  const arenaTier = arena.priceTiers[0]!.id;
  const base = { prisma, venueId: hall.venue.id, city, capacity: hall.capacity };
  ids.jazz = (
    await createTestEvent({
      ...base,
      title: `Jazz Night ${token}`,
      startsAt: inDays(10),
      prices: [
        { priceTierId: tierA, priceCents: 3000 },
        { priceTierId: tierB, priceCents: 8000 },
      ],
    })
  ).id;
  ids.derby = (
    await createTestEvent({
      ...base,
      title: `Derby ${token}`,
      category: 'SPORTS',
      startsAt: inDays(20),
      seatsSold: hall.capacity,
      prices: [{ priceTierId: tierA, priceCents: 15000 }],
    })
  ).id;
  ids.hamlet = (
    await createTestEvent({
      ...base,
      venueId: arena.venue.id,
      capacity: arena.capacity,
      title: `Hamlet ${token}`,
      category: 'THEATRE',
      description: `A brooding ${descriptionWord}.`,
      startsAt: inDays(30),
      prices: [{ priceTierId: arenaTier, priceCents: 5000 }],
    })
  ).id;
  ids.standup = (
    await createTestEvent({
      ...base,
      city: otherCity,
      title: `Standup ${token}`,
      category: 'COMEDY',
      startsAt: inDays(40),
      prices: [{ priceTierId: tierA, priceCents: 2000 }],
    })
  ).id;
  ids.draft = (
    await createTestEvent({
      ...base,
      title: `Secret ${token}`,
      status: 'DRAFT',
      startsAt: inDays(15),
      prices: [{ priceTierId: tierA, priceCents: 8000 }],
    })
  ).id;
  ids.cancelled = (
    await createTestEvent({
      ...base,
      title: `Called off ${token}`,
      status: 'CANCELLED',
      startsAt: inDays(16),
    })
  ).id;
  ids.past = (
    await createTestEvent({
      ...base,
      title: `Oldies ${token}`,
      startsAt: inDays(-2),
      prices: [{ priceTierId: tierA, priceCents: 3000 }],
    })
  ).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('listEvents', () => {
  it('lists only published, upcoming events, soonest first', async () => {
    expect(await list({ q: token })).toEqual([ids.jazz, ids.derby, ids.hamlet, ids.standup]);
  });

  it('includes past events when `from` reaches back', async () => {
    expect(
      await list({ q: token, from: inDays(-5).toISOString(), to: inDays(12).toISOString() }),
    ).toEqual([ids.past, ids.jazz]);
  });

  it('searches title, description, venue name and city case-insensitively', async () => {
    expect(await list({ q: token.toUpperCase() })).toHaveLength(4);
    expect(await list({ q: descriptionWord.toUpperCase() })).toEqual([ids.hamlet]);
    expect(await list({ q: arenaName.toLowerCase() })).toEqual([ids.hamlet]);
    expect(await list({ q: otherCity.toLowerCase() })).toEqual([ids.standup]);
  });

  it('treats % and _ in the search text literally', async () => {
    expect(await list({ q: `${token.slice(0, 4)}%` })).toEqual([]);
    expect(await list({ q: `${token.slice(0, 3)}_${token.slice(4)}` })).toEqual([]);
  });

  it('filters by category', async () => {
    expect(await list({ q: token, category: 'SPORTS' })).toEqual([ids.derby]);
  });

  it('filters by city, ignoring case but not matching partially', async () => {
    expect(await list({ q: token, city: city.toUpperCase() })).toEqual([
      ids.jazz,
      ids.derby,
      ids.hamlet,
    ]);
    expect(await list({ q: token, city: city.slice(0, -1) })).toEqual([]);
    expect(await list({ q: token, city: `${city.slice(0, -1)}_` })).toEqual([]);
  });

  it('filters by date range (inclusive)', async () => {
    expect(
      await list({ q: token, from: inDays(18).toISOString(), to: inDays(35).toISOString() }),
    ).toEqual([ids.derby, ids.hamlet]);
  });

  it('matches a price range when any tier is priced inside it', async () => {
    expect(await list({ q: token, minPriceCents: 7000, maxPriceCents: 9000 })).toEqual([ids.jazz]);
    expect(await list({ q: token, minPriceCents: 14000 })).toEqual([ids.derby]);
    expect(await list({ q: token, maxPriceCents: 2500 })).toEqual([ids.standup]);
  });

  it('keeps only events with seats left when asked', async () => {
    expect(await list({ q: token, hasSeatsLeft: true })).toEqual([
      ids.jazz,
      ids.hamlet,
      ids.standup,
    ]);
  });

  it('summarises prices, seats left and currency', async () => {
    const { items } = await listEvents({
      prisma,
      filters: ZListEventsRequest.parse({ q: token, category: 'CONCERT', city }),
    });
    expect(items[0]).toMatchObject({
      id: ids.jazz,
      minPriceCents: 3000,
      maxPriceCents: 8000,
      currency: 'EUR',
      capacity: 8,
      seatsLeft: 8,
    });
  });
});
