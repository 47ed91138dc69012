// Failed sign-ins are limited per account and per IP (shared in Redis); the next try gets a clear 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tessera/core/auth/password';
import {
  STRONG_PASSWORD,
  startTestApp,
  uniqueEmail,
  type TestApp,
} from '../../../testing/test-app.ts';

const PER_ACCOUNT = 3;
const PER_IP = 5;
const WINDOW_SECONDS = 900;
let testApp: TestApp;
let passwordHash = '';

beforeAll(async () => {
  testApp = await startTestApp({
    loginLimits: {
      maxFailuresPerAccount: PER_ACCOUNT,
      maxFailuresPerIp: PER_IP,
      windowSeconds: WINDOW_SECONDS,
    },
  });
  passwordHash = await hashPassword(STRONG_PASSWORD);
});

afterAll(async () => {
  await testApp.close();
});

const createAccount = async () => {
  const email = uniqueEmail('limited');
  await testApp.prisma.user.create({ data: { email, name: 'Limited', passwordHash } });
  return email;
};

const login = (email: string, password: string, ip: string) =>
  testApp.app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    remoteAddress: ip,
    payload: { email, password },
  });

describe('login rate limits', () => {
  it('answers 429 with Retry-After once an account used up its failures, even with the right password', async () => {
    const email = await createAccount();
    for (let attempt = 1; attempt <= PER_ACCOUNT; attempt += 1) {
      expect((await login(email, 'wrong-password-1', `10.1.0.${attempt}`)).statusCode).toBe(401);
    }
    const refused = await login(email, STRONG_PASSWORD, '10.1.0.99');
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.json().error).toMatchObject({
      message: expect.stringMatching(
        /^Too many failed sign-in attempts\. Try again in \d+ (minutes|seconds)\.$/,
      ),
      data: {
        code: 'TOO_MANY_REQUESTS',
        httpStatus: 429,
        appError: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
      },
    });
  });

  it('counts failures per IP across accounts', async () => {
    const ip = '10.2.0.1';
    for (let attempt = 1; attempt <= PER_IP; attempt += 1) {
      expect((await login(uniqueEmail('ghost'), 'wrong-password-1', ip)).statusCode).toBe(401);
    }
    const email = await createAccount();
    expect((await login(email, STRONG_PASSWORD, ip)).statusCode).toBe(429);
    expect((await login(email, STRONG_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const email = await createAccount();
    for (let attempt = 1; attempt < PER_ACCOUNT; attempt += 1)
      await login(email, 'wrong-password-1', `10.3.0.${attempt}`);
    expect((await login(email, STRONG_PASSWORD, '10.3.0.50')).statusCode).toBe(200);
    for (let attempt = 1; attempt < PER_ACCOUNT; attempt += 1) {
      expect((await login(email, 'wrong-password-1', `10.3.1.${attempt}`)).statusCode).toBe(401);
    }
    expect((await login(email, STRONG_PASSWORD, '10.3.0.51')).statusCode).toBe(200);
  });
});
