// Session security over HTTP on two API replicas (two app instances sharing Postgres and the Redis
// session cache): rotation on login (no fixation), logout and password change take effect on the
// other replica at once, expired sessions are refused, and the cookie is Secure over HTTPS.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSessionToken, sessionIdFromToken } from '@tessera/core/auth/session-token';
import { STRONG_PASSWORD, startTestApp, testConfig, type TestApp } from '../testing/test-app.ts';
import { uniqueEmail } from '../testing/test-app.ts';
import { callHttp } from './access-http.ts';

const MAX_FAILURES = 3;
let replicaA: TestApp;
let replicaB: TestApp;
let behindProxy: TestApp;

beforeAll(async () => {
  const shared = {
    redisPrefix: `test:${randomUUID()}:`,
    loginLimits: { ...testConfig().loginLimits, maxFailuresPerAccount: MAX_FAILURES },
  };
  [replicaA, replicaB, behindProxy] = await Promise.all([
    startTestApp(shared),
    startTestApp(shared),
    startTestApp({ trustProxy: true }),
  ]);
});

afterAll(async () => {
  await Promise.all([replicaA.close(), replicaB.close(), behindProxy.close()]);
});

/** A registered account and the session its registration opened (on replica A). */
const registerAccount = async (testApp: TestApp = replicaA) => {
  const email = uniqueEmail('session');
  const registered = await callHttp(testApp, 'mutation', 'auth.register', {
    input: { email, name: 'Session Fan', password: STRONG_PASSWORD },
  });
  expect(registered.code).toBe('OK');
  const token = registered.sessionCookie!.value;
  return { email, token, userId: (registered.data as { user: { id: string } }).user.id };
};

const login = (testApp: TestApp, email: string, password: string, token?: string) =>
  callHttp(testApp, 'mutation', 'auth.login', { token, input: { email, password } });

/** UNAUTHORIZED or OK: whether the token still opens a fan-only procedure on that replica. */
const holdsMineAs = async (testApp: TestApp, token: string) =>
  (await callHttp(testApp, 'query', 'holds.mine', { token })).code;

const sessionRow = (token: string) =>
  replicaA.prisma.session.findUnique({ where: { id: sessionIdFromToken(token) } });

describe('rotation on login', () => {
  it('gives a new session id on login and ends the one the browser brought', async () => {
    const account = await registerAccount();
    expect(await holdsMineAs(replicaB, account.token)).toBe('OK'); // cached in Redis by B

    const loggedIn = await login(replicaA, account.email, STRONG_PASSWORD, account.token);
    expect(loggedIn.code).toBe('OK');
    const fresh = loggedIn.sessionCookie!.value;
    expect(fresh).not.toBe(account.token);
    expect(fresh).toMatch(/^[a-z2-7]{32}$/);
    expect(await holdsMineAs(replicaB, account.token)).toBe('UNAUTHORIZED');
    expect(await sessionRow(account.token)).toBeNull();
    expect(await holdsMineAs(replicaB, fresh)).toBe('OK');
  });

  it('cannot be fixated: a cookie planted before login never becomes a session', async () => {
    const account = await registerAccount();
    const planted = generateSessionToken(); // well formed, chosen by an attacker
    const loggedIn = await login(replicaA, account.email, STRONG_PASSWORD, planted);
    expect(loggedIn.code).toBe('OK');
    expect(loggedIn.sessionCookie!.value).not.toBe(planted);
    expect(await sessionRow(planted)).toBeNull();
    for (const replica of [replicaA, replicaB])
      expect(await holdsMineAs(replica, planted)).toBe('UNAUTHORIZED');
  });

  it('ends the session a signed-in browser brought when it registers a new account', async () => {
    const first = await registerAccount();
    expect(await holdsMineAs(replicaB, first.token)).toBe('OK'); // cached in Redis by B

    const email = uniqueEmail('second');
    const second = await callHttp(replicaA, 'mutation', 'auth.register', {
      token: first.token,
      input: { email, name: 'Second Account', password: STRONG_PASSWORD },
    });
    expect(second.code).toBe('OK');
    const fresh = second.sessionCookie!.value;
    expect(fresh).not.toBe(first.token);
    // The first account's session is gone from Postgres and the shared cache, on both replicas.
    expect(await sessionRow(first.token)).toBeNull();
    for (const replica of [replicaA, replicaB])
      expect(await holdsMineAs(replica, first.token)).toBe('UNAUTHORIZED');
    const me = await callHttp(replicaB, 'query', 'auth.me', { token: fresh });
    expect(me.data).toMatchObject({ user: { email } });
    // The first account itself is untouched: it signs in again.
    expect((await login(replicaB, first.email, STRONG_PASSWORD)).code).toBe('OK');
  });
});

describe('logout', () => {
  it('refuses the old cookie at once, on the other replica too (shared session cache)', async () => {
    const account = await registerAccount();
    expect(await holdsMineAs(replicaB, account.token)).toBe('OK'); // cached in Redis by B
    const out = await callHttp(replicaA, 'mutation', 'auth.logout', { token: account.token });
    expect(out.code).toBe('OK');
    expect(out.sessionCookie?.value).toBe('');
    expect(await holdsMineAs(replicaB, account.token)).toBe('UNAUTHORIZED');
    expect(await holdsMineAs(replicaA, account.token)).toBe('UNAUTHORIZED');
    expect(await sessionRow(account.token)).toBeNull();
  });
});

describe('auth.changePassword', () => {
  const NEW_PASSWORD = 'battery-staple-77';

  it('keeps the session that changed it and signs out every other one, on every replica', async () => {
    const account = await registerAccount();
    const phone = (await login(replicaB, account.email, STRONG_PASSWORD)).sessionCookie!.value;
    expect(await holdsMineAs(replicaB, phone)).toBe('OK'); // cached in Redis
    const other = await registerAccount(); // another user's session must survive

    const changed = await callHttp(replicaA, 'mutation', 'auth.changePassword', {
      token: account.token,
      input: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.code).toBe('OK');
    expect(await holdsMineAs(replicaB, phone)).toBe('UNAUTHORIZED');
    expect(await sessionRow(phone)).toBeNull();
    expect(await holdsMineAs(replicaB, account.token)).toBe('OK');
    expect(await holdsMineAs(replicaB, other.token)).toBe('OK');

    expect((await login(replicaB, account.email, STRONG_PASSWORD)).code).toBe('UNAUTHORIZED');
    expect((await login(replicaB, account.email, NEW_PASSWORD)).code).toBe('OK');
  });

  it('refuses a wrong current password or a weak new one and changes nothing', async () => {
    const account = await registerAccount();
    const phone = (await login(replicaB, account.email, STRONG_PASSWORD)).sessionCookie!.value;
    const hashBefore = (
      await replicaA.prisma.user.findUniqueOrThrow({ where: { id: account.userId } })
    ).passwordHash;

    const wrong = await callHttp(replicaA, 'mutation', 'auth.changePassword', {
      token: account.token,
      input: { currentPassword: 'not-my-password-1', newPassword: NEW_PASSWORD },
    });
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(wrong.body).toContain('The current password is incorrect.');
    const weak = await callHttp(replicaA, 'mutation', 'auth.changePassword', {
      token: account.token,
      input: { currentPassword: STRONG_PASSWORD, newPassword: 'short1' },
    });
    expect(weak.code).toBe('BAD_REQUEST');
    expect(weak.body).toContain('Use at least 10 characters.');
    const noDigit = await callHttp(replicaA, 'mutation', 'auth.changePassword', {
      token: account.token,
      input: { currentPassword: STRONG_PASSWORD, newPassword: 'only-letters-here' },
    });
    expect(noDigit.code).toBe('BAD_REQUEST');

    const after = await replicaA.prisma.user.findUniqueOrThrow({ where: { id: account.userId } });
    expect(after.passwordHash).toBe(hashBefore);
    expect(await holdsMineAs(replicaB, phone)).toBe('OK');
  });

  it('is rate limited: wrong current passwords count as failed sign-ins (429 + Retry-After)', async () => {
    const account = await registerAccount();
    const attempt = (currentPassword: string) =>
      callHttp(replicaA, 'mutation', 'auth.changePassword', {
        token: account.token,
        input: { currentPassword, newPassword: NEW_PASSWORD },
      });
    for (let i = 0; i < MAX_FAILURES; i += 1)
      expect((await attempt(`wrong-guess-${i}`)).code).toBe('UNAUTHORIZED');
    const limited = await attempt(STRONG_PASSWORD); // even the right one, until the window passes
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Shared by replicas, and by sign-in: the account is locked on B as well.
    expect((await login(replicaB, account.email, STRONG_PASSWORD)).status).toBe(429);
    const after = await replicaA.prisma.user.findUniqueOrThrow({ where: { id: account.userId } });
    expect(await replicaA.prisma.session.count({ where: { userId: account.userId } })).toBe(1);
    expect(after.passwordHash).toMatch(/^\$argon2/);
  });

  it('needs a session', async () => {
    const anonymous = await callHttp(replicaA, 'mutation', 'auth.changePassword', {
      input: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(anonymous.code).toBe('UNAUTHORIZED');
  });
});

describe('expiry', () => {
  it('refuses a session past its expiry on every replica, deletes it and clears the cookie', async () => {
    const account = await registerAccount();
    // Backdated in SQL (the lifetime is 30 days with sliding renewal; no test can wait that long).
    await replicaA.prisma.session.update({
      where: { id: sessionIdFromToken(account.token) },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const refused = await callHttp(replicaB, 'query', 'holds.mine', { token: account.token });
    expect(refused.code).toBe('UNAUTHORIZED');
    expect(refused.sessionCookie?.value).toBe('');
    expect(await sessionRow(account.token)).toBeNull();
    expect(await holdsMineAs(replicaA, account.token)).toBe('UNAUTHORIZED');
  });
});

describe('cookie flags over HTTPS', () => {
  const register = (headers: Record<string, string>) =>
    callHttp(behindProxy, 'mutation', 'auth.register', {
      headers,
      input: { email: uniqueEmail('https'), name: 'Https Fan', password: STRONG_PASSWORD },
    });

  it('is Secure, HttpOnly and SameSite=Lax when a trusted proxy says the request came over https', async () => {
    expect(behindProxy.config.cookieSecure).toBe(false); // PUBLIC_ORIGIN is plain http here
    const response = await register({ 'x-forwarded-proto': 'https' });
    expect(response.code).toBe('OK');
    expect(response.sessionCookie!.attrs).toMatchObject({
      secure: true,
      httponly: true,
      samesite: 'Lax',
      path: '/',
    });
    const out = await callHttp(behindProxy, 'mutation', 'auth.logout', {
      token: response.sessionCookie!.value,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(out.sessionCookie!.attrs).toMatchObject({ secure: true, httponly: true });
  });

  it('is not Secure over plain http, nor from a forged X-Forwarded-Proto without a trusted proxy', async () => {
    const plain = await register({});
    expect(plain.sessionCookie!.attrs).not.toHaveProperty('secure');
    const forged = await callHttp(replicaA, 'mutation', 'auth.register', {
      headers: { 'x-forwarded-proto': 'https' },
      input: { email: uniqueEmail('forged'), name: 'Forged', password: STRONG_PASSWORD },
    });
    expect(forged.code).toBe('OK');
    expect(forged.sessionCookie!.attrs).not.toHaveProperty('secure');
    expect(forged.sessionCookie!.attrs).toMatchObject({ httponly: true, samesite: 'Lax' });
  });
});
