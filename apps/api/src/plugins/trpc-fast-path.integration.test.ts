// Contract test: holds.create through the fast path answers byte-for-byte like tRPC's own Fastify
// adapter (an app built without the fast path), for successes, refusals, bad input and batches,
// and the real tRPC client works against it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFan, createSaleEvent } from '../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { createTestClient } from '../testing/trpc-test-client.ts';

let fast: TestApp;
let official: TestApp;
const urls = { fast: '', official: '' };
let sale: Awaited<ReturnType<typeof createSaleEvent>>;
let cookies: { first: string; second: string };

beforeAll(async () => {
  fast = await startTestApp();
  official = await startTestApp({}, { trpcFastPath: false });
  urls.fast = await fast.listen();
  urls.official = await official.listen();
  sale = await createSaleEvent({ testApp: fast });
  const name = fast.config.sessionCookieName;
  cookies = {
    first: `${name}=${(await createFan(fast)).token}`,
    second: `${name}=${(await createFan(fast)).token}`,
  };
});

afterAll(async () => {
  await Promise.all([fast.close(), official.close()]);
});

/** The same request to both apps: status, content type and parsed body of each. */
const both = async (query: string, body: unknown, cookie?: string) => {
  const call = async (base: string) => {
    const response = await fetch(`${base}/trpc/holds.create${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type')?.split(';')[0],
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  return { fast: await call(urls.fast), official: await call(urls.official) };
};

/** Hold ids and expiry differ between the two apps by design; everything else must match. */
const normalise = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value)
      .replace(/"id":"[0-9a-f-]{36}"/g, '"id":"<hold>"')
      .replace(/"expiresAt":"[^"]+"/g, '"expiresAt":"<time>"'),
  );

describe('holds.create fast path', () => {
  it('is served by its own route only in the app built with it', () => {
    const route = { method: 'POST' as const, url: '/trpc/holds.create' };
    expect(fast.app.hasRoute(route)).toBe(true);
    expect(official.app.hasRoute(route)).toBe(false);
  });

  it('answers exactly like the adapter for anonymous callers and bad input', async () => {
    const anonymous = await both('', { eventId: sale.event.id, seatIds: [sale.rowA[0]] });
    expect(anonymous.fast).toEqual(anonymous.official);
    expect(anonymous.fast.status).toBe(401);
    const invalid = await both('', { eventId: sale.event.id, seatIds: [] }, cookies.first);
    expect(invalid.fast).toEqual(invalid.official);
    expect(invalid.fast.status).toBe(400);
  });

  it('answers exactly like the adapter for a hold and for a seat already taken', async () => {
    const input = { eventId: sale.event.id, seatIds: [sale.rowA[0]] };
    const won = await both('', input, cookies.first);
    expect(won.fast.status).toBe(200);
    expect(normalise(won.fast)).toEqual(normalise(won.official));
    const taken = await both('', input, cookies.second);
    expect(taken.fast.status).toBe(409);
    expect(taken.fast).toEqual(taken.official);
  });

  it('leaves batched calls to the adapter', async () => {
    const input = { 0: { eventId: sale.event.id, seatIds: [sale.rowB[0]] } };
    const batch = await both('?batch=1', input, cookies.first);
    expect(batch.fast.status).toBe(200);
    expect(normalise(batch.fast)).toEqual(normalise(batch.official));
  });

  it('serves the real tRPC client, results and typed errors', async () => {
    const { client } = createTestClient({
      baseUrl: urls.fast,
      headers: { cookie: cookies.first },
    });
    const hold = await client.holds.create.mutate({
      eventId: sale.event.id,
      seatIds: [sale.rowA[7]!],
    });
    expect(hold.seats.map((s) => s.seatId)).toEqual([sale.rowA[7]]);
    await expect(
      client.holds.create.mutate({ eventId: sale.event.id, seatIds: [sale.rowA[7]!] }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', httpStatus: 409, appError: { code: 'SEAT_TAKEN' } },
    });
  });
});
