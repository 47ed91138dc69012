// CSRF over HTTP: a mutation from a foreign origin is refused with 403 CSRF_REJECTED and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, startTestApp, uniqueEmail, type TestApp } from '../testing/test-app.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({
    publicOrigin: 'https://tickets.example',
    allowedOrigins: ['https://tickets.example'],
  });
});

afterAll(async () => {
  await testApp.close();
});

const register = (email: string, headers: Record<string, string>) =>
  testApp.app.inject({
    method: 'POST',
    url: '/trpc/auth.register',
    headers: { ...headers, host: 'tickets.example' },
    payload: { email, name: 'Csrf', password: STRONG_PASSWORD },
  });

describe('CSRF protection on mutations', () => {
  it('refuses a foreign Origin and creates nothing', async () => {
    const email = uniqueEmail('csrf');
    const response = await register(email, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.data).toMatchObject({
      code: 'FORBIDDEN',
      appError: { code: 'CSRF_REJECTED' },
    });
    expect(await testApp.prisma.user.count({ where: { email } })).toBe(0);
  });

  it('refuses a foreign Origin even without Sec-Fetch-Site (older browsers)', async () => {
    const response = await register(uniqueEmail('csrf'), { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
  });

  it('accepts the same origin', async () => {
    const email = uniqueEmail('csrf');
    const response = await register(email, {
      origin: 'https://tickets.example',
      'sec-fetch-site': 'same-origin',
    });
    expect(response.statusCode).toBe(200);
    expect(await testApp.prisma.user.count({ where: { email } })).toBe(1);
  });

  it('leaves queries alone (they change nothing)', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.statusCode).toBe(200);
  });
});
