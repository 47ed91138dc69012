// The session cookie's flags, its renewal on sliding expiry, and its removal on logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_LIFETIME_MS } from '@tessera/core/auth/sessions.service';
import {
  STRONG_PASSWORD,
  startTestApp,
  uniqueEmail,
  type TestApp,
} from '../../../testing/test-app.ts';
import { parseSetCookie } from '../../../testing/trpc-test-client.ts';

const DAY = 24 * 60 * 60 * 1000;
let plain: TestApp;
let secure: TestApp;

beforeAll(async () => {
  plain = await startTestApp();
  secure = await startTestApp({ cookieSecure: true });
});

afterAll(async () => {
  await Promise.all([plain.close(), secure.close()]);
});

const register = (testApp: TestApp) =>
  testApp.app.inject({
    method: 'POST',
    url: '/trpc/auth.register',
    payload: { email: uniqueEmail(), name: 'Cookie Fan', password: STRONG_PASSWORD },
  });

const sessionCookieOf = (testApp: TestApp, setCookie: string | string[] | undefined) => {
  const lines = [setCookie ?? []].flat();
  const line = lines.find((l) => l.startsWith(`${testApp.config.sessionCookieName}=`));
  if (!line) throw new Error(`no session cookie in ${JSON.stringify(lines)}`);
  return parseSetCookie(line);
};

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, lives 30 days, and is not Secure over plain http', async () => {
    const response = await register(plain);
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookieOf(plain, response.headers['set-cookie']);
    expect(cookie.value).toMatch(/^[a-z2-7]{32}$/);
    expect(cookie.attrs).toMatchObject({
      httponly: true,
      samesite: 'Lax',
      path: '/',
    });
    // Max-Age counts down from the session's expiry: 30 days, less the moments the request took.
    const maxAge = Number(cookie.attrs['max-age']);
    expect(maxAge).toBeLessThanOrEqual(SESSION_LIFETIME_MS / 1000);
    expect(maxAge).toBeGreaterThan(SESSION_LIFETIME_MS / 1000 - 60);
    expect(cookie.attrs).not.toHaveProperty('secure');
  });

  it('is Secure when configured', async () => {
    const cookie = sessionCookieOf(secure, (await register(secure)).headers['set-cookie']);
    expect(cookie.attrs).toHaveProperty('secure', true);
  });

  it('is sent again with a fresh lifetime when a session near expiry is used', async () => {
    const user = await plain.prisma.user.create({
      data: { email: uniqueEmail('sliding'), name: 'Sliding', passwordHash: 'unused' },
    });
    const { token, sessionId, expiresAt } = await createSession({
      prisma: plain.prisma,
      redis: plain.redis,
      redisPrefix: plain.config.redisPrefix,
      userId: user.id,
      now: new Date(Date.now() - 20 * DAY),
    });
    const response = await plain.app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      cookies: { [plain.config.sessionCookieName]: token },
    });
    expect(response.json().result.data.user.id).toBe(user.id);
    const cookie = sessionCookieOf(plain, response.headers['set-cookie']);
    expect(cookie.value).toBe(token);
    expect(Number(cookie.attrs['max-age'])).toBeGreaterThan(29 * 24 * 60 * 60);
    const row = await plain.prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(expiresAt.getTime() + 19 * DAY);
  });

  it('is not re-sent while the session is far from expiry', async () => {
    const token = sessionCookieOf(plain, (await register(plain)).headers['set-cookie']).value;
    const response = await plain.app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      cookies: { [plain.config.sessionCookieName]: token },
    });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('is cleared on logout and when it names no session', async () => {
    const token = sessionCookieOf(plain, (await register(plain)).headers['set-cookie']).value;
    const cookies = { [plain.config.sessionCookieName]: token };
    const logout = await plain.app.inject({
      method: 'POST',
      url: '/trpc/auth.logout',
      cookies,
      headers: { 'content-type': 'application/json' },
    });
    const cleared = sessionCookieOf(plain, logout.headers['set-cookie']);
    expect(cleared.value).toBe('');
    expect(cleared.attrs).toMatchObject({ httponly: true, path: '/' });

    const stale = await plain.app.inject({ method: 'GET', url: '/trpc/auth.me', cookies });
    expect(stale.json().result.data.user).toBeNull();
    expect(sessionCookieOf(plain, stale.headers['set-cookie']).value).toBe('');
  });
});
