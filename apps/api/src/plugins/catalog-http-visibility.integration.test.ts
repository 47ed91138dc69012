// Issue #8: GET /api/venues/:venueId/layout serves a venue's layout to everyone only while an event
// a fan can open (published, past or cancelled, never a draft) uses it; an admin's unpublished
// venue answers anonymous callers exactly as an unknown id does, and admins still see it (kept
// private from shared caches). Publishing and unpublishing change the answer on the very next read
// from another replica, through the shared catalog cache.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogCacheTotals } from '@tessera/core/cache/cache-counters';
import { layoutDocument } from '@tessera/core/layouts/layout-test-documents';
import { uniqueToken } from '@tessera/core/testing/catalog-fixtures';
import { createAdmin } from '../trpc/routers/admin/events/admin-test-kit.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { createTestClient } from '../testing/trpc-test-client.ts';

let writer: TestApp;
let reader: TestApp;
let readerUrl = '';
let admin: ReturnType<typeof createTestClient>['client'];
let adminCookie = '';
const city = uniqueToken('Hiddenville');

/** A venue an admin is still designing: no event uses it yet. */
const newVenue = async () =>
  (
    await admin.admin.venues.create.mutate({
      details: { name: uniqueToken('Draft hall '), city, address: '1 Quiet Street' },
      document: layoutDocument(),
    })
  ).id;

const newEvent = async (venueId: string) =>
  (
    await admin.admin.events.create.mutate({
      title: 'Not announced yet',
      description: 'Still a draft.',
      category: 'CONCERT',
      city,
      venueId,
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      imageUrl: null,
      prices: [],
    })
  ).id;

/** GET the layout on the reader replica; `version` pins the immutable URL. */
const getLayout = async (
  venueId: string,
  { version, headers = {} }: { version?: number; headers?: Record<string, string> } = {},
) => {
  const query = version === undefined ? '' : `?version=${version}`;
  const response = await fetch(`${readerUrl}/api/venues/${venueId}/layout${query}`, { headers });
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    etag: response.headers.get('etag'),
    body: await response.text(),
  };
};

const asAdmin = () => ({ cookie: adminCookie });

beforeAll(async () => {
  writer = await startTestApp();
  // Same Redis prefix: another replica of the same deployment, sharing the catalog cache.
  reader = await startTestApp({ redisPrefix: writer.config.redisPrefix });
  const writerUrl = await writer.listen();
  readerUrl = await reader.listen();
  const { token } = await createAdmin(writer);
  adminCookie = `${writer.config.sessionCookieName}=${token}`;
  admin = createTestClient({ baseUrl: writerUrl, headers: { cookie: adminCookie } }).client;
});

afterAll(async () => {
  await Promise.all([writer.close(), reader.close()]);
});

describe('layouts of venues no fan may see', () => {
  it('answers a draft venue exactly as an unknown id, versioned, unversioned or revalidated', async () => {
    const unknown = await getLayout(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.cacheControl).toBe('no-cache');
    const venueId = await newVenue();
    await newEvent(venueId); // a draft event on it changes nothing
    const hidden = [
      await getLayout(venueId),
      await getLayout(venueId, { version: 1 }),
      await getLayout(venueId, { headers: { 'if-none-match': '*' } }),
    ];
    for (const answer of hidden) {
      expect(answer).toEqual({ ...unknown, etag: null });
    }
  });

  it('serves it to an admin, private to the browser', async () => {
    const venueId = await newVenue();
    const current = await getLayout(venueId, { headers: asAdmin() });
    expect(current.status).toBe(200);
    expect(current.cacheControl).toBe('private, no-cache');
    const { version } = JSON.parse(current.body) as { version: number };
    const pinned = await getLayout(venueId, { version, headers: asAdmin() });
    expect(pinned.status).toBe(200);
    expect(pinned.cacheControl).toBe('private, max-age=31536000, immutable');
    const again = await getLayout(venueId, {
      headers: { ...asAdmin(), 'if-none-match': current.etag! },
    });
    expect(again.status).toBe(304);
  });

  it('follows publish, unpublish and cancel on the very next read from another replica', async () => {
    const venueId = await newVenue();
    const eventId = await newEvent(venueId);
    expect((await getLayout(venueId)).status).toBe(404);

    await admin.admin.events.publish.mutate({ id: eventId });
    const shown = await getLayout(venueId);
    expect(shown.status).toBe(200);
    expect(shown.cacheControl).toBe('public, no-cache');
    // The yes is now cached on the shared Redis: the next read is a hit, not a Postgres read.
    const hitsBefore = catalogCacheTotals.hit;
    expect((await getLayout(venueId)).status).toBe(200);
    expect(catalogCacheTotals.hit).toBeGreaterThan(hitsBefore);

    await admin.admin.events.unpublish.mutate({ id: eventId });
    expect(await getLayout(venueId)).toMatchObject({ status: 404, cacheControl: 'no-cache' });

    await admin.admin.events.publish.mutate({ id: eventId });
    expect((await getLayout(venueId)).status).toBe(200);
    // A cancelled event's page stays public (ticket holders read it there), and so does its map.
    await admin.admin.events.cancel.mutate({ id: eventId });
    expect((await getLayout(venueId)).status).toBe(200);
  });
});
