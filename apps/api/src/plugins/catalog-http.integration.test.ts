// The layout endpoint and response compression over real HTTP: one body per layout version (ETag,
// 304 on If-None-Match, immutable when the URL names the version), compressed large layouts and
// tRPC answers, clear 400/404s, and seat-map SSE streams that are never compressed or buffered.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaleEvent } from '../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { pickEncoding } from './catalog-http.ts';

let fast: TestApp;
let official: TestApp;
let fastUrl = '';
let officialUrl = '';
let sale: Awaited<ReturnType<typeof createSaleEvent>>;

/** A raw GET (fetch would decompress and hide the wire bytes). */
const rawGet = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
        .on('error', reject)
        .end();
    },
  );

const layoutUrl = (query = '') => `${fastUrl}/api/venues/${sale.venue.id}/layout${query}`;
const eventUrl = (base: string) =>
  `${base}/trpc/events.get?input=${encodeURIComponent(JSON.stringify({ id: sale.event.id }))}`;

beforeAll(async () => {
  fast = await startTestApp();
  official = await startTestApp({ redisPrefix: fast.config.redisPrefix }, { trpcFastPath: false });
  fastUrl = await fast.listen();
  officialUrl = await official.listen();
  // 2 rows of 300 seats: a layout of some 40 kB of JSON.
  sale = await createSaleEvent({ testApp: fast, seatsPerRow: 300 });
});

afterAll(async () => {
  await official.app.close();
  await fast.close();
});

describe('GET /api/venues/:venueId/layout', () => {
  it('sends the layout events.get draws, with an ETag and revalidation', async () => {
    const event = (await (await fetch(eventUrl(fastUrl))).json()) as {
      result: { data: { layout: unknown } };
    };
    const response = await rawGet(layoutUrl());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual(event.result.data.layout);
    expect(response.headers['cache-control']).toBe('public, no-cache');
    expect(response.headers.etag).toMatch(/^"layout-v\d+-[\w-]+"$/);
  });

  it('answers 304 with no body when the client has this version', async () => {
    const first = await rawGet(layoutUrl());
    const again = await rawGet(layoutUrl(), { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
    const other = await rawGet(layoutUrl(), { 'if-none-match': '"layout-v999-other"' });
    expect(other.status).toBe(200);
  });

  it('lets browsers keep a versioned URL for good, and 404s a replaced version', async () => {
    const { version } = JSON.parse((await rawGet(layoutUrl())).body.toString('utf8'));
    const pinned = await rawGet(layoutUrl(`?version=${version}`));
    expect(pinned.status).toBe(200);
    expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const old = await rawGet(layoutUrl(`?version=${version + 7}`));
    expect(old.status).toBe(404);
    expect(JSON.parse(old.body.toString('utf8'))).toMatchObject({ currentVersion: version });
  });

  it('compresses a large layout with brotli or gzip as the client accepts', async () => {
    const plain = await rawGet(layoutUrl());
    const br = await rawGet(layoutUrl(), { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    const gzip = await rawGet(layoutUrl(), { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body)).toEqual(plain.body);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 4);
  });

  it('rejects a malformed venue id or version with 400 and an unknown venue with 404', async () => {
    expect((await rawGet(`${fastUrl}/api/venues/not-a-uuid/layout`)).status).toBe(400);
    expect((await rawGet(layoutUrl('?version=-1'))).status).toBe(400);
    expect((await rawGet(layoutUrl('?version=abc'))).status).toBe(400);
    expect((await rawGet(`${fastUrl}/api/venues/${randomUUID()}/layout`)).status).toBe(404);
  });
});

describe('compression', () => {
  it('compresses a large tRPC answer (events.get) for clients that accept it', async () => {
    const plain = await rawGet(eventUrl(fastUrl));
    const gzip = await rawGet(eventUrl(fastUrl), { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body)).toEqual(plain.body);
  });

  it.each([
    ['the SSE fast path', () => fastUrl],
    ['the tRPC adapter', () => officialUrl],
  ])('never compresses or buffers the seat-map stream (%s)', async (_name, base) => {
    const controller = new AbortController();
    const url = `${base()}/trpc/seats.onChange?input=${encodeURIComponent(
      JSON.stringify({ eventId: sale.event.id }),
    )}`;
    const response = await fetch(url, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('content-encoding')).toBeNull();
    // The snapshot arrives while the stream stays open: nothing holds frames back.
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('"kind":"snapshot"')) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      text += value;
    }
    controller.abort();
  });
});

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});
