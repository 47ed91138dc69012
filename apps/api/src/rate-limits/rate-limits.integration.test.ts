// Rate limits are shared by replicas: two API instances (two Fastify apps, each with its own Redis
// connection and limiter objects, one Redis and one Postgres) serve alternate calls, and the
// limit falls on the call that spends the budget whichever replica serves it. Login, register,
// waitingRoom.join, holds.create and checkout.pay each answer 429 with Retry-After and a message a
// person can act on, the refused call changes nothing, and after Retry-After the limit lifts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tessera/core/auth/password';
import {
  createFan,
  createSaleEvent,
  DECLINE_CARD,
  SUCCESS_CARD,
} from '../testing/checkout-fixture.ts';
import {
  STRONG_PASSWORD,
  startTestApp,
  testConfig,
  uniqueEmail,
  type TestApp,
} from '../testing/test-app.ts';
import { openWaitingRoom } from '../trpc/routers/waiting-room/waiting-room-test-kit.ts';

// Small budgets and a short window so the test counts to the limit and then waits it out. The
// window is long enough that a budget's calls never straddle two windows, even on a loaded box
// where each login's password hash takes most of a second (3 s was too short there).
const BUDGET = 3;
const IP_BUDGET = 4;
const WINDOW_SECONDS = 6;
const limit = { perAccount: BUDGET, perIp: IP_BUDGET, windowSeconds: WINDOW_SECONDS };

let replicas: [Replica, Replica];

interface Replica {
  testApp: TestApp;
  baseUrl: string;
}

beforeAll(async () => {
  const base = testConfig();
  const overrides = {
    // Both replicas read and write the same keys, as in production.
    redisPrefix: `test:${randomUUID()}:`,
    trustProxy: true,
    // Failed-login counting is its own limiter (login-rate-limit test); out of the way here.
    loginLimits: { maxFailuresPerAccount: 1000, maxFailuresPerIp: 1000, windowSeconds: 60 },
    rateLimits: { login: limit, register: limit, hold: limit, pay: limit },
    checkout: { ...base.checkout, paymentLatencyMs: 0 },
    waitingRoom: {
      ...base.waitingRoom,
      limits: { join: limit, status: { perAccount: 1000, perIp: 1000, windowSeconds: 60 } },
    },
  };
  const start = async (): Promise<Replica> => {
    const testApp = await startTestApp(overrides);
    return { testApp, baseUrl: await testApp.listen() };
  };
  replicas = [await start(), await start()];
});

afterAll(async () => {
  for (const replica of replicas ?? []) await replica?.testApp.close();
});

let nextAddress = 0;
/** A documentation address (TEST-NET-2) no other test uses, so per-IP budgets start empty. */
const freshIp = () => `198.51.100.${(nextAddress += 1)}`;

interface Reply {
  status: number;
  retryAfter: string | null;
  data: unknown;
  message?: string;
  appError?: { code: string; retryAfterSeconds?: number };
}

/** One raw tRPC mutation over HTTP to replica `n` (single calls take the fast path where one exists). */
const mutate = async (
  n: number,
  path: string,
  input: unknown,
  { ip, token, batch = false }: { ip: string; token?: string; batch?: boolean },
): Promise<Reply> => {
  const replica = replicas[n % 2]!;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-forwarded-for': ip,
  };
  if (token) headers.cookie = `${replica.testApp.config.sessionCookieName}=${token}`;
  const response = await fetch(`${replica.baseUrl}/trpc/${path}${batch ? '?batch=1' : ''}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(batch ? { 0: input } : input),
  });
  const raw = (await response.json()) as unknown;
  const body = (batch ? (raw as unknown[])[0] : raw) as {
    result?: { data: unknown };
    error?: { message: string; data: { appError?: Reply['appError'] } };
  };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    data: body.result?.data,
    message: body.error?.message,
    appError: body.error?.data.appError,
  };
};

/** The answer every limited call must give. */
const expectRateLimited = (reply: Reply, message: RegExp) => {
  expect(reply.status).toBe(429);
  const retryAfter = Number(reply.retryAfter);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(reply.appError).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
  expect(reply.message).toMatch(message);
  expect(reply.message).toContain(`${retryAfter} second`);
  return retryAfter;
};

/** Waits out the window the refusal named (Retry-After), plus a little for the key to expire. */
const waitOut = (retryAfterSeconds: number) =>
  new Promise((resolve) => setTimeout(resolve, retryAfterSeconds * 1000 + 100));

/** `count` calls alternating between the replicas, in order; returns their statuses. */
const alternate = async (count: number, call: (n: number) => Promise<Reply>) => {
  const statuses: number[] = [];
  for (let n = 0; n < count; n += 1) statuses.push((await call(n)).status);
  return statuses;
};

const times = <T>(count: number, value: T) => Array.from({ length: count }, () => value);

describe('rate limits shared by two replicas', () => {
  it('login: an account gets BUDGET attempts across both replicas, then 429 and no session; the limit lifts after Retry-After', async () => {
    const { prisma } = replicas[0].testApp;
    const email = uniqueEmail('login-limit');
    const user = await prisma.user.create({
      data: { email, name: 'Login Limit', passwordHash: await hashPassword(STRONG_PASSWORD) },
    });
    const login = (n: number) =>
      mutate(n, 'auth.login', { email, password: STRONG_PASSWORD }, { ip: freshIp() });

    expect(await alternate(BUDGET, login)).toEqual(times(BUDGET, 200));
    const sessions = await prisma.session.count({ where: { userId: user.id } });
    expect(sessions).toBe(BUDGET);
    // The next attempt, on either replica and from a new address, is refused before the password
    // is checked: no session is opened.
    const refused = await login(BUDGET);
    const retryAfter = expectRateLimited(
      refused,
      /^Too many sign-in attempts\. Wait \d+ seconds?, then try again\.$/,
    );
    expect((await login(BUDGET + 1)).status).toBe(429);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(sessions);

    await waitOut(retryAfter);
    expect((await login(0)).status).toBe(200);
  });

  it('login: one address gets IP_BUDGET attempts across both replicas, whatever the accounts', async () => {
    const ip = freshIp();
    const login = (n: number) =>
      mutate(
        n,
        'auth.login',
        { email: uniqueEmail('nobody'), password: 'wrong-password-1' },
        { ip },
      );
    expect(await alternate(IP_BUDGET, login)).toEqual(times(IP_BUDGET, 401));
    expectRateLimited(await login(IP_BUDGET), /^Too many sign-in attempts\./);
  });

  it('register: one address gets IP_BUDGET sign-ups across both replicas; the refused one creates no account', async () => {
    const { prisma } = replicas[0].testApp;
    const ip = freshIp();
    const register = (n: number, email = uniqueEmail('register-limit')) =>
      mutate(
        n,
        'auth.register',
        { email, name: 'Register Limit', password: STRONG_PASSWORD },
        { ip },
      );
    expect(await alternate(IP_BUDGET, (n) => register(n))).toEqual(times(IP_BUDGET, 200));

    const refusedEmail = uniqueEmail('refused');
    const refused = await register(IP_BUDGET, refusedEmail);
    const retryAfter = expectRateLimited(
      refused,
      /^Too many sign-up attempts\. Wait \d+ seconds?, then try again\.$/,
    );
    expect(await prisma.user.count({ where: { email: refusedEmail } })).toBe(0);

    await waitOut(retryAfter);
    expect((await register(IP_BUDGET + 1, refusedEmail)).status).toBe(200);
    expect(await prisma.user.count({ where: { email: refusedEmail } })).toBe(1);
  });

  it('register: one email gets BUDGET attempts across both replicas and addresses', async () => {
    const email = uniqueEmail('register-same');
    const register = (n: number) =>
      mutate(
        n,
        'auth.register',
        { email, name: 'Same', password: STRONG_PASSWORD },
        { ip: freshIp() },
      );
    // The first creates the account, the others are told the email is taken; then the limit.
    expect(await alternate(BUDGET, register)).toEqual([200, ...times(BUDGET - 1, 409)]);
    expectRateLimited(await register(BUDGET), /^Too many sign-up attempts\./);
  });

  it('waitingRoom.join: a fan gets BUDGET joins across both replicas, keeps their place, and can join after Retry-After', async () => {
    const { event } = await openWaitingRoom(replicas[0].testApp);
    const fan = await createFan(replicas[0].testApp);
    const ip = freshIp();
    const join = (n: number) =>
      mutate(n, 'waitingRoom.join', { eventId: event.id }, { ip, token: fan.token });
    const first = await join(0);
    expect(first.status).toBe(200);
    expect(await alternate(BUDGET - 1, (n) => join(n + 1))).toEqual(times(BUDGET - 1, 200));

    const refused = await join(BUDGET);
    const retryAfter = expectRateLimited(refused, /^Too many attempts to join the queue\./);
    // The batched call goes through tRPC's own adapter instead of the fast path: refused the same way.
    expectRateLimited(
      await mutate(
        BUDGET + 1,
        'waitingRoom.join',
        { eventId: event.id },
        { ip, token: fan.token, batch: true },
      ),
      /^Too many attempts to join the queue\./,
    );

    await waitOut(retryAfter);
    const again = await join(0);
    expect(again.status).toBe(200);
    // Still the same place in the queue (joined when first joined): the refused joins changed nothing.
    const { joinedAt, windowId } = first.data as { joinedAt: number; windowId: string };
    expect(again.data).toMatchObject({ state: 'WAITING', joinedNow: false, joinedAt, windowId });
  });

  it('holds.create: a fan gets BUDGET hold attempts across both replicas (fast path and batched); the refused one holds nothing', async () => {
    const sale = await createSaleEvent({ testApp: replicas[0].testApp });
    const fan = await createFan(replicas[0].testApp);
    const ip = freshIp();
    const hold = (n: number, seatId: number, batch = false) =>
      mutate(
        n,
        'holds.create',
        { eventId: sale.event.id, seatIds: [seatId], idempotencyKey: randomUUID() },
        { ip, token: fan.token, batch },
      );
    expect(await alternate(BUDGET, (n) => hold(n, sale.rowA[n]!))).toEqual(times(BUDGET, 200));

    const refusedSeat = sale.rowA[BUDGET]!;
    const refused = await hold(BUDGET, refusedSeat);
    const retryAfter = expectRateLimited(
      refused,
      /^Too many attempts to hold seats\. Wait \d+ seconds?, then try again; seats you already hold stay yours\.$/,
    );
    expectRateLimited(
      await hold(BUDGET + 1, refusedSeat, true),
      /^Too many attempts to hold seats\./,
    );
    // The fan holds exactly the seats of the accepted calls; the refused seat is free for another fan.
    const mine = await query(0, 'holds.mine', fan.token);
    expect(
      (mine as { holds: { seats: { seatId: number }[] }[] }).holds
        .flatMap((h) => h.seats.map((s) => s.seatId))
        .sort(),
    ).toEqual(sale.rowA.slice(0, BUDGET).sort());
    const other = await createFan(replicas[0].testApp, 'other');
    expect(
      (
        await mutate(
          1,
          'holds.create',
          { eventId: sale.event.id, seatIds: [refusedSeat], idempotencyKey: randomUUID() },
          { ip: freshIp(), token: other.token },
        )
      ).status,
    ).toBe(200);

    await waitOut(retryAfter);
    expect((await hold(0, sale.rowA[BUDGET + 1]!)).status).toBe(200);
  });

  it('checkout.pay: a fan gets BUDGET payment attempts across both replicas; the refused one charges nothing', async () => {
    const { prisma } = replicas[0].testApp;
    const sale = await createSaleEvent({ testApp: replicas[0].testApp });
    const fan = await createFan(replicas[0].testApp);
    const ip = freshIp();
    const held = await mutate(
      0,
      'holds.create',
      { eventId: sale.event.id, quantity: 1, idempotencyKey: randomUUID() },
      { ip, token: fan.token },
    );
    expect(held.status).toBe(200);
    const holdId = (held.data as { id: string }).id;
    const pay = (n: number, paymentMethod: typeof SUCCESS_CARD) =>
      mutate(
        n,
        'checkout.pay',
        { holdId, paymentMethod, idempotencyKey: randomUUID() },
        { ip, token: fan.token },
      );

    // Declined cards: each attempt is a real payment attempt that leaves the hold in place.
    expect(await alternate(BUDGET, (n) => pay(n, DECLINE_CARD))).toEqual(times(BUDGET, 200));
    const payments = await prisma.payment.count({ where: { userId: fan.user.id } });

    const refused = await pay(BUDGET, SUCCESS_CARD);
    const retryAfter = expectRateLimited(
      refused,
      /^Too many payment attempts\. Wait \d+ seconds?, then try again; your seats stay held until their timer runs out\.$/,
    );
    expect(await prisma.payment.count({ where: { userId: fan.user.id } })).toBe(payments);
    expect(await prisma.order.count({ where: { userId: fan.user.id } })).toBe(0);
    const mine = (await query(1, 'holds.mine', fan.token)) as { holds: { id: string }[] };
    expect(mine.holds.map((h) => h.id)).toEqual([holdId]);

    await waitOut(retryAfter);
    const paid = await pay(1, SUCCESS_CARD);
    expect(paid.status).toBe(200);
    expect(paid.data).toMatchObject({ status: 'SUCCEEDED' });
  });
});

/** A query (GET) as the fan on replica `n`. */
async function query(n: number, path: string, token: string) {
  const replica = replicas[n % 2]!;
  const response = await fetch(`${replica.baseUrl}/trpc/${path}`, {
    headers: { cookie: `${replica.testApp.config.sessionCookieName}=${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: unknown } }).result.data;
}
