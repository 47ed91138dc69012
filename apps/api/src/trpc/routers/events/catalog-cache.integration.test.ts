// The catalog cache across two API replicas sharing Redis: an admin write on one replica is seen
// by the very next read on the other (edits, prices, publish/unpublish, on-sale windows, layout
// saves); drafts never leak to fans through the cache; seats left stay live; reads count hits and
// misses; and with the cache's Redis down or killed mid-run reads still answer from Postgres.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogCacheTotals } from '@tessera/core/cache/cache-counters';
import { block, layoutDocument, section } from '@tessera/core/layouts/layout-test-documents';
import { uniqueToken } from '@tessera/core/testing/catalog-fixtures';
import { createAdmin } from '../admin/events/admin-test-kit.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { createTestClient } from '../../../testing/trpc-test-client.ts';

const DAY = 86_400_000;
const replicas: TestApp[] = [];
let writer: TestApp;
let reader: TestApp;
let writerUrl = '';
let readerUrl = '';
let admin: ReturnType<typeof createTestClient>['client'];
let adminOnReader: ReturnType<typeof createTestClient>['client'];
let fanOnReader: ReturnType<typeof createTestClient>['client'];
let venueId = '';
let tierIds: number[] = [];
const city = uniqueToken('Cacheville');

const doc = (seatsPerRow: number) =>
  layoutDocument({
    sections: [section({ code: 'S1', blocks: [block({ rowCount: 2, seatsPerRow })] })],
  });

const delta = async <T>(run: () => Promise<T>) => {
  const before = { ...catalogCacheTotals };
  const result = await run();
  const diff = (key: keyof typeof catalogCacheTotals) => catalogCacheTotals[key] - before[key];
  return { result, diff };
};

const eventFields = (overrides: Record<string, unknown> = {}) => ({
  title: 'Cached show',
  description: 'Read from the cache.',
  category: 'CONCERT' as const,
  city,
  venueId,
  startsAt: new Date(Date.now() + 10 * DAY).toISOString(),
  imageUrl: null,
  prices: [{ priceTierId: tierIds[0]!, priceCents: 5000 }],
  ...overrides,
});

const newPublishedEvent = async (title: string) => {
  const created = await admin.admin.events.create.mutate(eventFields({ title }));
  await admin.admin.events.publish.mutate({ id: created.id });
  return created.id;
};

beforeAll(async () => {
  writer = await startTestApp();
  // Same Redis prefix: the second app is another replica of the same deployment.
  reader = await startTestApp({ redisPrefix: writer.config.redisPrefix });
  replicas.push(writer, reader);
  writerUrl = await writer.listen();
  readerUrl = await reader.listen();
  const cookie = (token: string) => ({ cookie: `${writer.config.sessionCookieName}=${token}` });
  const { token } = await createAdmin(writer);
  admin = createTestClient({ baseUrl: writerUrl, headers: cookie(token) }).client;
  adminOnReader = createTestClient({ baseUrl: readerUrl, headers: cookie(token) }).client;
  fanOnReader = createTestClient({ baseUrl: readerUrl }).client;
  const venue = await admin.admin.venues.create.mutate({
    details: { name: uniqueToken('Cache hall '), city, address: '1 Cache Street' },
    document: doc(4),
  });
  venueId = venue.id;
  tierIds = (
    await writer.prisma.priceTier.findMany({ where: { venueId }, orderBy: { sortOrder: 'asc' } })
  ).map((t) => t.id);
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.close()));
});

describe('catalog cache across replicas', () => {
  it('serves repeat reads from the cache: a miss, then hits', async () => {
    const id = await newPublishedEvent('Counted show');
    const first = await delta(() => fanOnReader.events.get.query({ id }));
    expect(first.diff('miss')).toBeGreaterThanOrEqual(1);
    const second = await delta(() => fanOnReader.events.get.query({ id }));
    expect(second.diff('hit')).toBeGreaterThanOrEqual(1);
    expect(second.diff('miss')).toBe(0);
    expect(second.result).toEqual(first.result);
    const list = await delta(() => fanOnReader.events.list.query({ city }));
    const again = await delta(() => fanOnReader.events.list.query({ city }));
    expect(again.diff('hit')).toBe(1);
    expect(again.result).toEqual(list.result);
  });

  it('shows an edited title and price on the very next read from the other replica', async () => {
    const id = await newPublishedEvent('Before edit');
    await fanOnReader.events.get.query({ id });
    await fanOnReader.events.list.query({ city });
    await fanOnReader.events.get.query({ id }); // warm: this one was a hit
    await admin.admin.events.update.mutate({
      id,
      ...eventFields({
        title: 'After edit',
        prices: [{ priceTierId: tierIds[0]!, priceCents: 7700 }],
      }),
    });
    const page = await fanOnReader.events.get.query({ id });
    expect(page.title).toBe('After edit');
    expect(page.priceTiers[0]!.priceCents).toBe(7700);
    const listed = (await fanOnReader.events.list.query({ city })).items.find((e) => e.id === id);
    expect(listed).toMatchObject({ title: 'After edit', minPriceCents: 7700 });
  });

  it('hides an unpublished event at once and shows it again when republished', async () => {
    const id = await newPublishedEvent('Flip-flop');
    await fanOnReader.events.get.query({ id });
    await fanOnReader.events.list.query({ city });
    await admin.admin.events.unpublish.mutate({ id });
    await expect(fanOnReader.events.get.query({ id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    const listed = await fanOnReader.events.list.query({ city });
    expect(listed.items.map((e) => e.id)).not.toContain(id);
    await admin.admin.events.publish.mutate({ id });
    await expect(fanOnReader.events.get.query({ id })).resolves.toMatchObject({ id });
  });

  it('never serves a cached draft to a fan, even right after an admin read cached it', async () => {
    const draft = await admin.admin.events.create.mutate(eventFields({ title: 'Secret draft' }));
    await expect(adminOnReader.events.get.query({ id: draft.id })).resolves.toMatchObject({
      status: 'DRAFT',
    });
    const { diff } = await delta(() =>
      expect(fanOnReader.events.get.query({ id: draft.id })).rejects.toMatchObject({
        data: { code: 'NOT_FOUND' },
      }),
    );
    expect(diff('hit')).toBe(1);
  });

  it('shows a scheduled, moved and cancelled on-sale window on the next read', async () => {
    const id = await newPublishedEvent('Window show');
    await fanOnReader.events.get.query({ id });
    const startsAt = new Date(Date.now() + 2 * DAY);
    const window = await admin.admin.onSales.schedule.mutate({
      eventId: id,
      name: 'General sale',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + DAY).toISOString(),
      admissionMode: 'PACE',
      admissionRatePerMinute: 120,
    });
    const page = await fanOnReader.events.get.query({ id });
    expect(page.onSales.map((w) => w.id)).toEqual([window.id]);
    expect(page.nextOnSaleAt).toBe(startsAt.toISOString());
    const moved = new Date(startsAt.getTime() + 3_600_000);
    await admin.admin.onSales.update.mutate({
      id: window.id,
      changes: { startsAt: moved.toISOString() },
    });
    const listed = (await fanOnReader.events.list.query({ city })).items.find((e) => e.id === id);
    expect(listed?.nextOnSaleAt).toBe(moved.toISOString());
    await admin.admin.onSales.cancel.mutate({ id: window.id });
    const after = await fanOnReader.events.get.query({ id });
    expect(after.onSales[0]!.status).toBe('CANCELLED');
  });

  it('serves the new layout and capacity after a layout save on the other replica', async () => {
    const id = await newPublishedEvent('Layout show');
    const before = await fanOnReader.events.get.query({ id });
    await fanOnReader.events.get.query({ id });
    const saved = await admin.admin.venues.saveLayout.mutate({
      venueId,
      expectedLayoutVersion: before.layout.version,
      document: doc(6),
    });
    const after = await fanOnReader.events.get.query({ id });
    expect(after.layout.version).toBe(saved.layoutVersion);
    expect(after.layout.seats).toHaveLength(saved.seatCount);
    expect(after.capacity).toBe(saved.seatCount);
    const response = await fetch(`${readerUrl}/api/venues/${venueId}/layout`);
    expect(((await response.json()) as { version: number }).version).toBe(saved.layoutVersion);
  });

  it('keeps seats left live: a sale shows without any invalidation', async () => {
    const id = await newPublishedEvent('Selling show');
    const before = await fanOnReader.events.get.query({ id });
    await fanOnReader.events.list.query({ city });
    // What a confirmed sale does to the counter (checkout's own tests cover the sale itself).
    await writer.prisma.event.update({ where: { id }, data: { seatsSold: { increment: 2 } } });
    const { result, diff } = await delta(() => fanOnReader.events.get.query({ id }));
    expect(diff('hit')).toBeGreaterThanOrEqual(1);
    expect(result.seatsLeft).toBe(before.seatsLeft - 2);
    const listed = (await fanOnReader.events.list.query({ city })).items.find((e) => e.id === id);
    expect(listed?.seatsLeft).toBe(before.seatsLeft - 2);
    // "Has seats left" filters on the live count, so it is never cached.
    const filtered = await delta(() => fanOnReader.events.list.query({ city, hasSeatsLeft: true }));
    expect(filtered.diff('bypass')).toBe(1);
  });

  it('exposes hits, misses, outages and invalidations in /metrics', async () => {
    const text = await (await fetch(`${readerUrl}/metrics`)).text();
    const value = (series: string) =>
      Number(
        text
          .split('\n')
          .find((line) => line.startsWith(`${series} `))
          ?.split(' ')[1],
      );
    expect(value('tessera_catalog_cache_reads_total{outcome="hit"}')).toBe(catalogCacheTotals.hit);
    expect(value('tessera_catalog_cache_reads_total{outcome="miss"}')).toBe(
      catalogCacheTotals.miss,
    );
    expect(text).toMatch(/^tessera_catalog_cache_reads_total\{outcome="outage"\} \d+$/m);
    expect(value('tessera_catalog_cache_invalidations_total{result="ok"}')).toBeGreaterThan(0);
  });
});

describe('catalog cache outage', () => {
  it('answers from Postgres, with no 5xx, when the cache Redis is unreachable', async () => {
    const id = await newPublishedEvent('Outage show');
    const expected = await fanOnReader.events.get.query({ id });
    // Port 4499 (this lane's range) has nothing listening.
    const cut = await startTestApp({
      redisPrefix: writer.config.redisPrefix,
      catalogCache: { ...writer.config.catalogCache, redisUrl: 'redis://127.0.0.1:4499' },
    });
    replicas.push(cut);
    const url = await cut.listen();
    const fan = createTestClient({ baseUrl: url }).client;
    const { result, diff } = await delta(() => fan.events.get.query({ id }));
    expect(result).toEqual(expected);
    expect(diff('outage')).toBeGreaterThanOrEqual(1);
    const list = await fetch(
      `${url}/trpc/events.list?input=${encodeURIComponent(JSON.stringify({ city }))}`,
    );
    expect(list.status).toBe(200);
    const layout = await fetch(`${url}/api/venues/${venueId}/layout`);
    expect(layout.status).toBe(200);
  });

  it('keeps answering when the cache Redis dies mid-run, and uses it again once back', async () => {
    const port = 4410;
    const start = () =>
      spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
    const waitUp = async () => {
      for (let i = 0; i < 100; i += 1) {
        const up = await new Promise<boolean>((resolve) => {
          const socket = connect(port, '127.0.0.1');
          socket.once('error', () => resolve(false));
          socket.once('connect', () => {
            socket.end();
            resolve(true);
          });
        });
        if (up) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('redis-server did not start');
    };
    let server: ChildProcess = start();
    await waitUp();
    const app = await startTestApp({
      redisPrefix: writer.config.redisPrefix,
      catalogCache: { ...writer.config.catalogCache, redisUrl: `redis://127.0.0.1:${port}` },
    });
    replicas.push(app);
    const url = await app.listen();
    const fan = createTestClient({ baseUrl: url }).client;
    try {
      const id = await newPublishedEvent('Dying cache show');
      const warm = await fan.events.get.query({ id });
      expect((await delta(() => fan.events.get.query({ id }))).diff('hit')).toBeGreaterThanOrEqual(
        1,
      );
      const died = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGKILL');
      await died;
      const down = await delta(() => fan.events.get.query({ id }));
      expect(down.result).toEqual(warm);
      expect(down.diff('outage')).toBeGreaterThanOrEqual(1);
      server = start();
      await waitUp();
      // The breaker retries after its cool-down and the connection comes back.
      let hitAgain = false;
      for (let i = 0; i < 60 && !hitAgain; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await fan.events.get.query({ id });
        hitAgain = (await delta(() => fan.events.get.query({ id }))).diff('hit') >= 1;
      }
      expect(hitAgain).toBe(true);
    } finally {
      server.kill('SIGKILL');
    }
  });
});
