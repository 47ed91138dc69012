// Security headers on every kind of response the API sends (the web app's HTML and assets, tRPC
// JSON, both SSE paths, health), HSTS only over HTTPS, and CORS closed unless origins are named.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaleEvent } from '../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const FOREIGN = 'https://evil.example';
const PARTNER = 'https://partner.example';
const LIST = '/trpc/events.list?input=%7B%7D';

let fast: TestApp;
let official: TestApp;
let fastUrl = '';
let officialUrl = '';
let eventId = '';
const apps: TestApp[] = [];

const start = async (...args: Parameters<typeof startTestApp>) => {
  const app = await startTestApp(...args);
  apps.push(app);
  return app;
};

beforeAll(async () => {
  const webDistDir = mkdtempSync(path.join(tmpdir(), 'tessera-web-'));
  mkdirSync(path.join(webDistDir, 'assets'));
  writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>Tessera</title>');
  writeFileSync(path.join(webDistDir, 'assets', 'app.js'), 'console.log("tessera")');
  fast = await start({ webDistDir });
  official = await start({ webDistDir }, { trpcFastPath: false });
  [fastUrl, officialUrl] = await Promise.all([fast.listen(), official.listen()]);
  eventId = (await createSaleEvent({ testApp: fast, seatsPerRow: 2 })).event.id;
});

afterAll(async () => {
  for (const app of apps) await app.close();
});

/** CSP directive name → its sources. */
const parseCsp = (header: string | null) =>
  new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );

const expectSecurityHeaders = (headers: Headers) => {
  const csp = parseCsp(headers.get('content-security-policy'));
  expect(csp.get('default-src')).toEqual(["'self'"]);
  // Only same-origin script files: no inline script, no eval, no other host.
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')?.[0]).toBe("'self'");
  expect(
    csp
      .get('style-src')!
      .slice(1)
      .every((s) => /^'sha256-[\w+/=]+'$/.test(s)),
  ).toBe(true);
  expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  // Plain http here: HSTS would be meaningless, and is absent.
  expect(headers.get('strict-transport-security')).toBeNull();
  expect(headers.get('access-control-allow-origin')).toBeNull();
};

/** Reads an SSE response until `marker` arrives, then hangs up; returns its headers. */
const sseHeaders = async (url: string, marker: string) => {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes(marker)) text += (await reader.read()).value ?? '';
  controller.abort();
  return response;
};

describe('security headers', () => {
  it.each([
    ['the web app at /', '/'],
    ['a client-side route', '/events/42'],
    ['a built asset', '/assets/app.js'],
    ['a tRPC query', LIST],
    ['liveness', '/healthz'],
    ['a missing file', '/assets/missing.js'],
  ])('are on %s', async (_name, url) => {
    const response = await fetch(`${fastUrl}${url}`, { headers: { origin: FOREIGN } });
    expect(response.status).toBe(url === '/assets/missing.js' ? 404 : 200);
    expectSecurityHeaders(response.headers);
  });

  it.each([
    ['the SSE fast path', () => fastUrl],
    ['the tRPC adapter', () => officialUrl],
  ])('are on the seat-map stream (%s)', async (_name, base) => {
    const input = encodeURIComponent(JSON.stringify({ eventId }));
    const response = await sseHeaders(`${base()}/trpc/seats.onChange?input=${input}`, 'snapshot');
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expectSecurityHeaders(response.headers);
  });

  it('send HSTS only when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await start({ trustProxy: true });
    const overHttps = await proxied.app.inject({
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overHttps.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    const overHttp = await proxied.app.inject({ url: '/healthz' });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    // Without a trusted proxy the header is anyone's to forge.
    const forged = await fast.app.inject({
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });

  it('send HSTS on every response when the public origin is https', async () => {
    const httpsSite = await start({ publicOrigin: 'https://tickets.example' });
    const response = await httpsSite.app.inject({ url: '/healthz' });
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
  });
});

const preflight = (app: TestApp, origin: string) =>
  app.app.inject({
    method: 'OPTIONS',
    url: '/trpc/holds.create',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

const corsHeaders = (headers: Record<string, unknown>) =>
  Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('CORS', () => {
  it('is closed by default: no origin may read responses or pass a preflight', async () => {
    const read = await fast.app.inject({ url: LIST, headers: { origin: FOREIGN } });
    expect(read.statusCode).toBe(200);
    expect(corsHeaders(read.headers)).toEqual([]);
    const refused = await preflight(fast, FOREIGN);
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(corsHeaders(refused.headers)).toEqual([]);
  });

  it('opens to the origins in CORS_ORIGINS only, with credentials', async () => {
    const open = await start({ corsOrigins: [PARTNER] });
    const allowed = await preflight(open, PARTNER);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    expect(String(allowed.headers['access-control-allow-methods'])).toContain('POST');
    const read = await open.app.inject({ url: LIST, headers: { origin: PARTNER } });
    expect(read.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(String(read.headers.vary)).toMatch(/origin/i);

    const refused = await preflight(open, FOREIGN);
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(corsHeaders(refused.headers)).toEqual([]);
    const foreignRead = await open.app.inject({
      url: LIST,
      headers: { origin: FOREIGN },
    });
    expect(corsHeaders(foreignRead.headers)).toEqual([]);
    // Caches must not hand the partner's answer to another origin.
    expect(String(foreignRead.headers.vary)).toMatch(/origin/i);
  });
});
