// An event an admin creates through the API without prices of its own sells at its venue's tier
// defaults (checkout charges them): over HTTP the list and the event page show those prices, and
// the price filter finds the event by them, instead of "Prices soon" and no match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, layoutDocument, section } from '@tessera/core/layouts/layout-test-documents';
import { uniqueToken } from '@tessera/core/testing/catalog-fixtures';
import { createAdmin } from '../admin/events/admin-test-kit.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { createTestClient } from '../../../testing/trpc-test-client.ts';

let testApp: TestApp;
let fan: ReturnType<typeof createTestClient>['client'];
const city = uniqueToken('Defaultville');
const ids = { defaults: '', own: '' };

beforeAll(async () => {
  testApp = await startTestApp();
  const baseUrl = await testApp.listen();
  const { token } = await createAdmin(testApp);
  const cookie = { cookie: `${testApp.config.sessionCookieName}=${token}` };
  const admin = createTestClient({ baseUrl, headers: cookie }).client;
  fan = createTestClient({ baseUrl }).client;
  // Tier A (default 50.00) seats the front section, tier B (default 30.00) the back one.
  const venue = await admin.admin.venues.create.mutate({
    details: { name: uniqueToken('Default hall '), city, address: '1 Default Street' },
    document: layoutDocument({
      sections: [
        section({ code: 'S1', tierCode: 'A' }),
        section({
          code: 'S2',
          tierCode: 'B',
          blocks: [
            block({
              id: 'b2',
              geometry: { kind: 'straight', origin: { x: 10, y: 40 }, angle: 0, seatSpacing: 1 },
            }),
          ],
        }),
      ],
    }),
  });
  const tiers = await testApp.prisma.priceTier.findMany({
    where: { venueId: venue.id },
    orderBy: { sortOrder: 'asc' },
  });
  const create = async (
    title: string,
    day: number,
    prices: Array<{ priceTierId: number; priceCents: number }>,
  ) => {
    const created = await admin.admin.events.create.mutate({
      title,
      description: 'Priced by the venue.',
      category: 'CONCERT',
      city,
      venueId: venue.id,
      startsAt: new Date(Date.now() + day * 86_400_000).toISOString(),
      imageUrl: null,
      prices,
    });
    await admin.admin.events.publish.mutate({ id: created.id });
    return created.id;
  };
  ids.defaults = await create('Venue prices', 5, []);
  ids.own = await create('Own prices', 6, [{ priceTierId: tiers[0]!.id, priceCents: 9000 }]);
});

afterAll(async () => {
  await testApp.close();
});

describe('prices of an event created without its own', () => {
  it('lists and shows the venue default prices', async () => {
    const { items } = await fan.events.list.query({ city });
    expect(items.map((e) => [e.id, e.minPriceCents, e.maxPriceCents])).toEqual([
      [ids.defaults, 3000, 5000],
      [ids.own, 3000, 9000],
    ]);
    const page = await fan.events.get.query({ id: ids.defaults, layout: 'omit' });
    expect(page).toMatchObject({ minPriceCents: 3000, maxPriceCents: 5000 });
    expect(page.priceTiers.map((t) => t.priceCents)).toEqual([5000, 3000]);
  });

  it('finds it with the price filter', async () => {
    const matching = async (range: { minPriceCents?: number; maxPriceCents?: number }) =>
      (await fan.events.list.query({ city, ...range })).items.map((e) => e.id);
    expect(await matching({ minPriceCents: 4500, maxPriceCents: 5500 })).toEqual([ids.defaults]);
    expect(await matching({ maxPriceCents: 3000 })).toEqual([ids.defaults, ids.own]);
    expect(await matching({ minPriceCents: 8000 })).toEqual([ids.own]);
  });
});
