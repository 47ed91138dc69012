// Abuse limits on waitingRoom.join / status: per account and per IP, counted in Redis (shared by
// replicas), answered with 429 and Retry-After, and never costing the fan their place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFan } from '../../../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../../../testing/test-app.ts';
import { openWaitingRoom } from './waiting-room-test-kit.ts';

let testApp: TestApp;
let baseUrl = '';

beforeAll(async () => {
  // Limits as small as a test can count; each test uses its own X-Forwarded-For address.
  const { waitingRoom } = testConfig();
  testApp = await startTestApp({
    trustProxy: true,
    waitingRoom: {
      ...waitingRoom,
      limits: {
        join: { perAccount: 3, perIp: 5, windowSeconds: 60 },
        status: { perAccount: 4, perIp: 100, windowSeconds: 60 },
      },
    },
  });
  baseUrl = await testApp.listen();
});

afterAll(async () => {
  await testApp.close();
});

interface RawReply {
  result?: { data: { state: string } };
  error?: { message: string; data: { appError: { code: string; retryAfterSeconds?: number } } };
}

/** One raw tRPC call, so the test sees the HTTP status and headers a browser would. */
const call = async (
  kind: 'join' | 'status',
  { token, eventId, ip }: { token: string; eventId: string; ip: string },
) => {
  const headers = { cookie: `${testApp.config.sessionCookieName}=${token}`, 'x-forwarded-for': ip };
  const input = JSON.stringify({ eventId });
  const response =
    kind === 'join'
      ? await fetch(`${baseUrl}/trpc/waitingRoom.join`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: input,
        })
      : await fetch(`${baseUrl}/trpc/waitingRoom.status?input=${encodeURIComponent(input)}`, {
          headers,
        });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as RawReply,
  };
};

describe('waiting-room rate limits', () => {
  it('refuses a fan past the per-account join budget with 429 and Retry-After, keeping the place', async () => {
    const { event } = await openWaitingRoom(testApp);
    const fan = await createFan(testApp);
    const who = { token: fan.token, eventId: event.id, ip: '203.0.113.10' };
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await call('join', who));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    const refused = statuses[3]!;
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.body.error!.data.appError).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: Number(refused.retryAfter),
    });
    expect(refused.body.error!.message).toContain('your place is kept');
    // The status budget is separate, and the place is still there.
    const status = await call('status', who);
    expect(status.status).toBe(200);
    expect(status.body.result!.data.state).toBe('WAITING');
  });

  it('refuses one IP past its join budget even for fresh accounts (shared by every account behind it)', async () => {
    const { event } = await openWaitingRoom(testApp);
    const ip = '203.0.113.20';
    const results = [];
    for (let i = 0; i < 6; i += 1) {
      const fan = await createFan(testApp);
      results.push((await call('join', { token: fan.token, eventId: event.id, ip })).status);
    }
    expect(results).toEqual([200, 200, 200, 200, 200, 429]);
    const elsewhere = await createFan(testApp);
    expect(
      (await call('join', { token: elsewhere.token, eventId: event.id, ip: '203.0.113.21' }))
        .status,
    ).toBe(200);
  });

  it('limits status polling per account', async () => {
    const { event } = await openWaitingRoom(testApp);
    const fan = await createFan(testApp);
    const who = { token: fan.token, eventId: event.id, ip: '203.0.113.30' };
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push((await call('status', who)).status);
    expect(results).toEqual([200, 200, 200, 200, 429]);
  });
});
