// events.get rules: layout, per-event tier prices, public on-sale windows; drafts only for admins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@tessera/db/client';
import { createTestEvent, createTestVenue, uniqueToken } from '../testing/catalog-fixtures.ts';
import { getEvent } from './get-event.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL! });
const city = uniqueToken('Detailville');
const PRESALE_CODE = uniqueToken('SECRET');
const LOTTERY_SEED = uniqueToken('seed');
let venueId = '';
let publishedId = '';
let draftId = '';
let tierIds: number[] = [];
const windowStart = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);

const asFan = async () => false;
const asAdmin = async () => true;

beforeAll(async () => {
  const fixture = await createTestVenue({
    prisma,
    name: uniqueToken('Hall'),
    city,
    tiers: [
      { code: 'A', defaultPriceCents: 4000 },
      { code: 'B', defaultPriceCents: 2500 },
    ],
    seatsPerRow: 3,
  });
  venueId = fixture.venue.id;
  tierIds = fixture.priceTiers.map((t) => t.id);
  const base = {
    prisma,
    venueId,
    city,
    capacity: fixture.capacity,
    startsAt: new Date(Date.now() + 9 * 24 * 60 * 60 * 1000),
  };
  const published = await createTestEvent({
    ...base,
    title: 'Detail show',
    prices: [{ priceTierId: tierIds[0]!, priceCents: 9900 }],
  });
  publishedId = published.id;
  await prisma.onSaleWindow.create({
    data: {
      eventId: published.id,
      name: 'Presale',
      startsAt: windowStart,
      endsAt: new Date(windowStart.getTime() + 3_600_000),
      presaleCode: PRESALE_CODE,
      lotterySeed: LOTTERY_SEED,
      perFanSeatLimit: 4,
    },
  });
  draftId = (await createTestEvent({ ...base, title: 'Draft show', status: 'DRAFT' })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('getEvent', () => {
  it('returns the venue layout, tier prices and on-sale windows', async () => {
    const event = await getEvent({ prisma, eventId: publishedId, viewerIsAdmin: asFan });
    expect(event.venue).toMatchObject({ id: venueId, city });
    expect(event.layout.sections).toHaveLength(1);
    expect(event.layout.rows).toHaveLength(2);
    expect(event.layout.seats).toHaveLength(6);
    expect(new Set(event.layout.seats.map((s) => s.tierId))).toEqual(new Set(tierIds));
    // Tier A has an event price; tier B falls back to the venue default.
    expect(event.priceTiers.map((t) => [t.id, t.priceCents])).toEqual([
      [tierIds[0], 9900],
      [tierIds[1], 2500],
    ]);
    expect(event.onSales).toEqual([
      expect.objectContaining({
        name: 'Presale',
        startsAt: windowStart.toISOString(),
        requiresPresaleCode: true,
        perFanSeatLimit: 4,
        status: 'SCHEDULED',
      }),
    ]);
    expect(event.nextOnSaleAt).toBe(windowStart.toISOString());
  });

  it('never exposes the presale code or the lottery seed', async () => {
    const json = JSON.stringify(
      await getEvent({ prisma, eventId: publishedId, viewerIsAdmin: asFan }),
    );
    expect(json).not.toContain(PRESALE_CODE);
    expect(json).not.toContain(LOTTERY_SEED);
  });

  it('hides drafts from everyone but admins', async () => {
    await expect(
      getEvent({ prisma, eventId: draftId, viewerIsAdmin: asFan }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      getEvent({ prisma, eventId: draftId, viewerIsAdmin: asAdmin }),
    ).resolves.toMatchObject({ id: draftId, status: 'DRAFT' });
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    await expect(
      getEvent({ prisma, eventId: '00000000-0000-4000-8000-000000000000', viewerIsAdmin: asAdmin }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves a changed layout once the venue layout version moves on', async () => {
    const before = await getEvent({ prisma, eventId: publishedId, viewerIsAdmin: asFan });
    const row = await prisma.row.findFirstOrThrow({ where: { section: { venueId } } });
    await prisma.seat.create({
      data: {
        venueId,
        sectionId: row.sectionId,
        rowId: row.id,
        label: '99',
        position: 99,
        x: 1,
        y: 1,
        priceTierId: tierIds[0]!,
      },
    });
    await prisma.venue.update({
      where: { id: venueId },
      data: { layoutVersion: { increment: 1 } },
    });
    const after = await getEvent({ prisma, eventId: publishedId, viewerIsAdmin: asFan });
    expect(after.layout.version).toBe(before.layout.version + 1);
    expect(after.layout.seats).toHaveLength(before.layout.seats.length + 1);
  });
});
