// STREAMS_PER_SESSION is read from the environment and reaches both stream paths (the seat-map SSE
// fast path and tRPC's adapter): with a cap of 2, the third stream of a session is refused with 429
// in the SSE error event, naming the configured number. The default cap's own test (10 streams,
// slots freed on close, other sessions unaffected) is hostile/limits.integration.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFan, createSaleEvent } from '../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../testing/test-app.ts';
import { toApiConfig, ZApiEnv } from '../env.ts';
import { DEFAULT_STREAMS_PER_SESSION } from './session-stream-limit.ts';

const CAP = 2;
let testApp: TestApp;
let baseUrl = '';
let eventId = '';
const open: AbortController[] = [];

beforeAll(async () => {
  testApp = await startTestApp({ streamsPerSession: CAP });
  baseUrl = await testApp.listen();
  eventId = (await createSaleEvent({ testApp })).event.id;
});

afterAll(async () => {
  for (const controller of open) controller.abort();
  await testApp?.close();
});

/** Opens a stream as the fan and returns its first event other than `connected`. */
const firstEventOf = async (path: string, input: unknown, token: string) => {
  const controller = new AbortController();
  open.push(controller);
  const response = await fetch(
    `${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    {
      headers: { cookie: `${testApp.config.sessionCookieName}=${token}` },
      signal: controller.signal,
    },
  );
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const event = text
      .split('\n\n')
      .slice(0, -1)
      .find((e) => e.trim() && !e.startsWith('event: connected'));
    if (event)
      return {
        name: /^event: (.*)$/m.exec(event)?.[1] ?? 'message',
        data: JSON.parse(/^data: (.*)$/m.exec(event)?.[1] ?? 'null') as {
          message?: string;
          data?: { code: string; httpStatus: number };
        },
      };
  }
  throw new Error(`${path} ended without an event`);
};

describe('STREAMS_PER_SESSION', () => {
  it('is read from the environment, 10 when unset', () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL };
    expect(toApiConfig(ZApiEnv.parse(env)).streamsPerSession).toBe(DEFAULT_STREAMS_PER_SESSION);
    expect(DEFAULT_STREAMS_PER_SESSION).toBe(10);
    expect(toApiConfig(ZApiEnv.parse({ ...env, STREAMS_PER_SESSION: '3' })).streamsPerSession).toBe(
      3,
    );
    expect(ZApiEnv.safeParse({ ...env, STREAMS_PER_SESSION: '0' }).success).toBe(false);
    expect(testConfig().streamsPerSession).toBe(DEFAULT_STREAMS_PER_SESSION);
  });

  it(`with a cap of ${CAP}, the next stream on either path is refused with 429 naming the cap`, async () => {
    const fan = await createFan(testApp);
    const accepted = [
      await firstEventOf('seats.onChange', { eventId }, fan.token),
      await firstEventOf('seats.onAvailability', { eventIds: [eventId] }, fan.token),
    ];
    for (const event of accepted) expect(event.name).not.toBe('serialized-error');

    for (const [path, input] of [
      ['seats.onChange', { eventId }],
      ['seats.onAvailability', { eventIds: [eventId] }],
    ] as const) {
      const refused = await firstEventOf(path, input, fan.token);
      expect(refused.name).toBe('serialized-error');
      expect(refused.data.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
      expect(refused.data.message).toBe(
        `You have ${CAP} live updates open already. Close a tab and try again.`,
      );
    }
    // Another session of the same cap is not affected.
    const other = await createFan(testApp, 'other');
    expect((await firstEventOf('seats.onChange', { eventId }, other.token)).name).not.toBe(
      'serialized-error',
    );
  });
});
