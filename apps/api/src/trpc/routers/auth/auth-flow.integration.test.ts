// Accounts over real HTTP with the real tRPC client: register → me → logout → login → me → logout,
// and every refusal gives a clear error and creates nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STRONG_PASSWORD,
  startTestApp,
  uniqueEmail,
  type TestApp,
} from '../../../testing/test-app.ts';
import { createTestClient } from '../../../testing/trpc-test-client.ts';

let testApp: TestApp;
let baseUrl = '';

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
});

afterAll(async () => {
  await testApp.close();
});

const countUsers = (email: string) => testApp.prisma.user.count({ where: { email } });

describe('register → login → me → logout', () => {
  it('signs in on registration, out on logout, and back in with the password', async () => {
    const { client, jar } = createTestClient({ baseUrl });
    const email = uniqueEmail();

    const registered = await client.auth.register.mutate({
      email: `  ${email.toUpperCase()} `,
      name: 'Ada Fan',
      password: STRONG_PASSWORD,
    });
    expect(registered.user).toMatchObject({ email, name: 'Ada Fan', role: 'FAN' });
    expect(await client.auth.me.query()).toEqual({ user: registered.user });

    await client.auth.logout.mutate();
    expect(jar.size).toBe(0);
    expect(await client.auth.me.query()).toEqual({ user: null });

    const loggedIn = await client.auth.login.mutate({ email, password: STRONG_PASSWORD });
    expect(loggedIn.user).toEqual(registered.user);
    expect(await client.auth.me.query()).toEqual({ user: registered.user });
    expect(await testApp.prisma.session.count({ where: { userId: registered.user!.id } })).toBe(1);

    await client.auth.logout.mutate();
    expect(await client.auth.me.query()).toEqual({ user: null });
    expect(await testApp.prisma.session.count({ where: { userId: registered.user!.id } })).toBe(0);
  });

  it('stops honouring the old cookie right after logout', async () => {
    const { client, jar } = createTestClient({ baseUrl });
    await client.auth.register.mutate({
      email: uniqueEmail(),
      name: 'Old Cookie',
      password: STRONG_PASSWORD,
    });
    const stolen = new Map(jar);
    await client.auth.me.query(); // warms the session cache
    await client.auth.logout.mutate();
    const replay = createTestClient({
      baseUrl,
      headers: { cookie: [...stolen].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(await replay.client.auth.me.query()).toEqual({ user: null });
  });
});

describe('refusals', () => {
  it('wrong password: UNAUTHORIZED with one message for unknown email and wrong password, no session', async () => {
    const { client } = createTestClient({ baseUrl });
    const email = uniqueEmail();
    const { user } = await client.auth.register.mutate({
      email,
      name: 'Bea',
      password: STRONG_PASSWORD,
    });
    await client.auth.logout.mutate();

    const expected = {
      message: 'The email or password is incorrect.',
      data: { code: 'UNAUTHORIZED', httpStatus: 401, appError: { code: 'INVALID_CREDENTIALS' } },
    };
    await expect(
      client.auth.login.mutate({ email, password: 'wrong-password-1' }),
    ).rejects.toMatchObject(expected);
    await expect(
      client.auth.login.mutate({ email: uniqueEmail('nobody'), password: 'wrong-password-1' }),
    ).rejects.toMatchObject(expected);
    expect(await testApp.prisma.session.count({ where: { userId: user!.id } })).toBe(0);
  });

  it('duplicate email: CONFLICT EMAIL_TAKEN, still one account', async () => {
    const { client } = createTestClient({ baseUrl });
    const email = uniqueEmail();
    await client.auth.register.mutate({ email, name: 'First', password: STRONG_PASSWORD });
    await expect(
      client.auth.register.mutate({
        email: email.toUpperCase(),
        name: 'Second',
        password: STRONG_PASSWORD,
      }),
    ).rejects.toMatchObject({
      message: 'An account with this email already exists. Sign in instead.',
      data: {
        code: 'CONFLICT',
        httpStatus: 409,
        appError: {
          code: 'EMAIL_TAKEN',
          fieldErrors: { email: 'An account with this email already exists.' },
        },
      },
    });
    expect(await countUsers(email)).toBe(1);
  });

  it('weak password: BAD_REQUEST with a message for the password field, nothing created', async () => {
    const { client } = createTestClient({ baseUrl });
    const email = uniqueEmail();
    await expect(
      client.auth.register.mutate({ email, name: 'Weak', password: 'short1' }),
    ).rejects.toMatchObject({
      message: 'Use at least 10 characters.',
      data: {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appError: { code: 'VALIDATION', fieldErrors: { password: 'Use at least 10 characters.' } },
      },
    });
    await expect(
      client.auth.register.mutate({ email, name: 'Weak', password: 'onlyletters-here' }),
    ).rejects.toMatchObject({
      data: { appError: { fieldErrors: { password: 'Include at least one digit.' } } },
    });
    expect(await countUsers(email)).toBe(0);
  });

  it('malformed email: BAD_REQUEST with a message for the email field, nothing created', async () => {
    const { client } = createTestClient({ baseUrl });
    const name = `Malformed ${randomUUID()}`;
    await expect(
      client.auth.register.mutate({ email: 'not-an-email', name, password: STRONG_PASSWORD }),
    ).rejects.toMatchObject({
      message: 'Enter a valid email address, like name@example.com.',
      data: {
        code: 'BAD_REQUEST',
        appError: {
          code: 'VALIDATION',
          fieldErrors: { email: 'Enter a valid email address, like name@example.com.' },
        },
      },
    });
    expect(await testApp.prisma.user.count({ where: { name } })).toBe(0);
  });

  it('never sends stack traces outside development', async () => {
    const { client } = createTestClient({ baseUrl });
    const error = await client.auth.login
      .mutate({ email: 'x', password: '' })
      .catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('.ts:');
    expect((error as { data: Record<string, unknown> }).data).not.toHaveProperty('stack');
  });
});
