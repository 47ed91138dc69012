// The public catalog over HTTP: list with filters, event detail with layout, drafts hidden from fans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestEvent,
  createTestVenue,
  uniqueToken,
} from '@tessera/core/testing/catalog-fixtures';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { createTestClient } from '../../../testing/trpc-test-client.ts';

let testApp: TestApp;
let baseUrl = '';
const city = uniqueToken('Httpville');
const presaleCode = uniqueToken('CODE');
const ids = { concert: '', sports: '', draft: '' };

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
  const prisma = testApp.prisma;
  const { venue, capacity, priceTiers } = await createTestVenue({
    prisma,
    name: uniqueToken('Hall'),
    city,
    seatsPerRow: 5,
  });
  const base = {
    prisma,
    venueId: venue.id,
    city,
    capacity,
    prices: [{ priceTierId: priceTiers[0]!.id, priceCents: 4200 }],
  };
  ids.concert = (
    await createTestEvent({
      ...base,
      title: 'Concert',
      startsAt: new Date(Date.now() + 2 * 86_400_000),
    })
  ).id;
  ids.sports = (
    await createTestEvent({
      ...base,
      title: 'Match',
      category: 'SPORTS',
      startsAt: new Date(Date.now() + 3 * 86_400_000),
    })
  ).id;
  ids.draft = (
    await createTestEvent({
      ...base,
      title: 'Unannounced',
      status: 'DRAFT',
      startsAt: new Date(Date.now() + 4 * 86_400_000),
    })
  ).id;
  const opens = new Date(Date.now() + 86_400_000);
  await prisma.onSaleWindow.create({
    data: {
      eventId: ids.concert,
      name: 'Fan presale',
      startsAt: opens,
      endsAt: new Date(opens.getTime() + 3_600_000),
      presaleCode,
    },
  });
});

afterAll(async () => {
  await testApp.close();
});

describe('events over HTTP', () => {
  it('lists published events matching the filters, dates as ISO strings', async () => {
    const { client } = createTestClient({ baseUrl });
    const all = await client.events.list.query({ city });
    expect(all.items.map((e) => e.id)).toEqual([ids.concert, ids.sports]);
    const sports = await client.events.list.query({ city, category: 'SPORTS' });
    expect(sports.items.map((e) => e.id)).toEqual([ids.sports]);
    expect(Number.isNaN(Date.parse(all.items[0]!.startsAt))).toBe(false);
  });

  it('rejects invalid filters with field messages', async () => {
    const { client } = createTestClient({ baseUrl });
    await expect(
      client.events.list.query({ city, minPriceCents: 500, maxPriceCents: 100 }),
    ).rejects.toMatchObject({
      data: {
        code: 'BAD_REQUEST',
        appError: {
          fieldErrors: { maxPriceCents: 'The minimum price must not exceed the maximum.' },
        },
      },
    });
  });

  it('returns the event with layout, tiers and windows, without the presale code', async () => {
    const response = await fetch(
      `${baseUrl}/trpc/events.get?input=${encodeURIComponent(JSON.stringify({ id: ids.concert }))}`,
    );
    const text = await response.text();
    expect(text).not.toContain(presaleCode);
    const event = JSON.parse(text).result.data;
    expect(event.layout.seats).toHaveLength(5);
    expect(event.priceTiers).toEqual([
      expect.objectContaining({ priceCents: 4200, currency: 'EUR' }),
    ]);
    expect(event.onSales).toEqual([
      expect.objectContaining({ name: 'Fan presale', requiresPresaleCode: true }),
    ]);
  });

  it('leaves the seats out when asked to, for the layout endpoint to send once per version', async () => {
    const { client } = createTestClient({ baseUrl });
    const full = await client.events.get.query({ id: ids.concert });
    const slim = await client.events.get.query({ id: ids.concert, layout: 'omit' });
    expect(slim.layout).toEqual({ ...full.layout, sections: [], rows: [], seats: [] });
    expect(slim.priceTiers).toEqual(full.priceTiers);
    const response = await fetch(
      `${baseUrl}/api/venues/${slim.venue.id}/layout?version=${slim.layout.version}`,
    );
    expect(await response.json()).toEqual(full.layout);
  });

  it('answers NOT_FOUND for a draft asked for by an anonymous visitor', async () => {
    const { client } = createTestClient({ baseUrl });
    await expect(client.events.get.query({ id: ids.draft })).rejects.toMatchObject({
      message: 'This event does not exist or is no longer available.',
      data: { code: 'NOT_FOUND', httpStatus: 404 },
    });
  });
});
