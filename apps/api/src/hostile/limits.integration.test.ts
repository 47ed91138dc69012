// Limits a hostile client runs into, each with a clear error and no state change: subscription
// streams per session (429 past the default STREAMS_PER_SESSION, on the SSE fast path and the adapter),
// huge headers (431), seats per hold, text lengths, page sizes and a malformed `?input=`.
// Body size, malformed JSON bodies and wrong content types: plugins/error-responses.integration.test.ts.
import http from 'node:http';
import { MAX_SEATS_PER_REQUEST } from '@tessera/contracts/holds';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSaleEvent } from '../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { DEFAULT_STREAMS_PER_SESSION } from '../trpc/session-stream-limit.ts';
import { createRoleTokens, type Role } from '../testing/role-sessions.ts';
import { callOverHttp, stateFingerprint } from './hostile-http.ts';

let testApp: TestApp;
let baseUrl = '';
let tokens: Record<Role, string | null>;
let otherFanToken = '';
let eventId = '';
let seatIds: number[] = [];
const streams: AbortController[] = [];

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
  tokens = await createRoleTokens(testApp);
  otherFanToken = (await createRoleTokens(testApp)).fan!;
  const sale = await createSaleEvent({ testApp, seatsPerRow: 8 });
  eventId = sale.event.id;
  seatIds = [...sale.rowA, ...sale.rowB];
});

afterAll(async () => {
  for (const stream of streams) stream.abort();
  await testApp?.close();
});

const cookie = (token: string | null) =>
  token ? { cookie: `${testApp.config.sessionCookieName}=${token}` } : undefined;

/** Opens a subscription stream over real HTTP; the stream stays open until `close`. */
const openStream = async (path: string, input: unknown, token: string | null) => {
  const controller = new AbortController();
  streams.push(controller);
  const url = `${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(url, { headers: cookie(token), signal: controller.signal });
  return { response, close: () => controller.abort() };
};

/**
 * Reads a stream until its first event, `connected` aside. tRPC answers subscription errors
 * inside the stream (HTTP 200, a `serialized-error` event with the error's httpStatus), which its
 * client turns into a TRPCClientError; an accepted stream sends data or pings instead.
 */
const firstEvent = async (response: Response) => {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const events = text.split('\n\n').filter((e) => e.trim() && !e.startsWith('event: connected'));
    if (events.length > 0 && text.endsWith('\n\n')) break;
  }
  await reader.cancel().catch(() => {});
  const event = text.split('\n\n').find((e) => e.trim() && !e.startsWith('event: connected')) ?? '';
  const data = /^data: (.*)$/m.exec(event)?.[1];
  return {
    name: /^event: (.*)$/m.exec(event)?.[1] ?? 'message',
    data: data ? JSON.parse(data) : null,
  };
};

const expectRefused = async (stream: { response: Response }) => {
  expect(stream.response.status).toBe(200);
  const event = await firstEvent(stream.response);
  expect(event.name).toBe('serialized-error');
  expect(event.data.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
  expect(event.data.message).toMatch(/live updates open already/);
};

describe('subscription streams per session', () => {
  it(`lets a session hold ${DEFAULT_STREAMS_PER_SESSION} streams, refuses the next with 429, and frees a slot when one closes`, async () => {
    const open = [];
    // Both paths count: the seat-map fast path and the adapter (seats.onAvailability).
    for (let i = 0; i < DEFAULT_STREAMS_PER_SESSION; i += 1) {
      const path = i % 2 === 0 ? 'seats.onChange' : 'seats.onAvailability';
      const input = path === 'seats.onChange' ? { eventId } : { eventIds: [eventId] };
      const stream = await openStream(path, input, tokens.fan);
      expect(stream.response.status).toBe(200);
      open.push(stream);
    }
    await expectRefused(await openStream('seats.onChange', { eventId }, tokens.fan));
    await expectRefused(
      await openStream('seats.onAvailability', { eventIds: [eventId] }, tokens.fan),
    );

    // Another fan, and anonymous visitors, are not affected by this session's streams.
    for (const token of [otherFanToken, null]) {
      const other = await openStream('seats.onChange', { eventId }, token);
      expect((await firstEvent(other.response)).name).not.toBe('serialized-error');
      other.close();
    }

    // Closing one stream gives its slot back (the server notices the socket close).
    open[0]!.close();
    await vi.waitFor(
      async () => {
        const again = await openStream('seats.onChange', { eventId }, tokens.fan);
        const event = await firstEvent(again.response);
        again.close();
        expect(event.name).not.toBe('serialized-error');
      },
      { timeout: 5_000, interval: 50 },
    );
  });
});

describe('request size limits', () => {
  it('answers 431 to headers over the server limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.get(`${baseUrl}/trpc/auth.me`, {
        headers: { 'x-padding': 'a'.repeat(64 * 1024) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(status).toBe(431);
  });

  it('refuses more seats per hold than the limit, with a clear message and nothing held', async () => {
    const before = await stateFingerprint(testApp, eventId);
    const answer = await callOverHttp({
      testApp,
      path: 'holds.create',
      type: 'mutation',
      input: { eventId, seatIds: seatIds.slice(0, MAX_SEATS_PER_REQUEST + 1) },
      token: tokens.fan,
    });
    expect(seatIds.length).toBeGreaterThan(MAX_SEATS_PER_REQUEST);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message, answer.body).toBe(
      `Pick at most ${MAX_SEATS_PER_REQUEST} seats.`,
    );
    expect(await stateFingerprint(testApp, eventId)).toBe(before);
  });

  it.each([
    ['a title', 'admin.events.create', 'title', 121, /title under 120/],
    ['a description', 'admin.events.create', 'description', 5001, /description under 5,000/],
    ['a user name', 'auth.register', 'name', 101, /at most 100/],
    ['a search', 'events.list', 'q', 101, /100/],
    ['an order search', 'admin.orders.list', 'q', 201, /search under 200/],
  ] as const)('refuses %s one character too long', async (_name, path, field, length, message) => {
    const type = path.endsWith('.list') ? 'query' : 'mutation';
    const answer = await callOverHttp({
      testApp,
      path,
      type,
      input: { [field]: 'x'.repeat(length) },
      token: tokens.admin,
    });
    expect(answer.status).toBe(400);
    const { error } = JSON.parse(answer.body);
    expect(error.data.appError.fieldErrors[field]).toMatch(message);
  });

  it.each([
    ['events.list', 50],
    ['admin.orders.list', 50],
    ['admin.orders.expiredHolds', 50],
  ] as const)('%s pages at most %i rows', async (path, max) => {
    const ask = (limit: number) =>
      callOverHttp({
        testApp,
        path,
        type: 'query',
        input: { eventId, limit },
        token: tokens.admin,
      });
    expect((await ask(max)).status).toBe(200);
    for (const limit of [max + 1, 0, -1, 1e9]) {
      const answer = await ask(limit);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).error.data.appError.fieldErrors.limit).toBeTruthy();
    }
  });

  it('answers a malformed ?input= with 400', async () => {
    const response = await testApp.app.inject({ url: '/trpc/events.list?input=%7B%22q%22%3A' });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/"stack"|node_modules/);
  });
});
