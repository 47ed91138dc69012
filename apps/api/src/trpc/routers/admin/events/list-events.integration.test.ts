// admin.events.list is refused to anonymous callers and fans, and lists drafts for admins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestEvent,
  createTestVenue,
  uniqueToken,
} from '@tessera/core/testing/catalog-fixtures';
import {
  STRONG_PASSWORD,
  startTestApp,
  uniqueEmail,
  type TestApp,
} from '../../../../testing/test-app.ts';
import { createTestClient } from '../../../../testing/trpc-test-client.ts';

let testApp: TestApp;
let baseUrl = '';
const token = uniqueToken('admin');
let draftId = '';

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
  const { venue, capacity } = await createTestVenue({
    prisma: testApp.prisma,
    name: uniqueToken('Hall'),
    city: token,
  });
  const base = {
    prisma: testApp.prisma,
    venueId: venue.id,
    city: token,
    capacity,
    startsAt: new Date(Date.now() + 86_400_000),
  };
  draftId = (await createTestEvent({ ...base, title: `Draft ${token}`, status: 'DRAFT' })).id;
  await createTestEvent({ ...base, title: `Live ${token}` });
});

afterAll(async () => {
  await testApp.close();
});

const signedInClient = async (role: 'FAN' | 'ADMIN') => {
  const session = createTestClient({ baseUrl });
  const { user } = await session.client.auth.register.mutate({
    email: uniqueEmail(role.toLowerCase()),
    name: role,
    password: STRONG_PASSWORD,
  });
  if (role === 'ADMIN') {
    await testApp.prisma.user.update({ where: { id: user!.id }, data: { role: 'ADMIN' } });
    // Role changes take effect on the next sign-in (sessions cache the user).
    await session.client.auth.login.mutate({ email: user!.email, password: STRONG_PASSWORD });
  }
  return session.client;
};

describe('admin.events.list', () => {
  it('refuses anonymous callers with UNAUTHORIZED', async () => {
    const { client } = createTestClient({ baseUrl });
    await expect(client.admin.events.list.query({ q: token })).rejects.toMatchObject({
      message: 'Sign in to continue.',
      data: { code: 'UNAUTHORIZED', httpStatus: 401, appError: { code: 'UNAUTHENTICATED' } },
    });
  });

  it('refuses fans with FORBIDDEN', async () => {
    const fan = await signedInClient('FAN');
    await expect(fan.admin.events.list.query({ q: token })).rejects.toMatchObject({
      message: 'Only administrators can do that.',
      data: { code: 'FORBIDDEN', httpStatus: 403, appError: { code: 'FORBIDDEN' } },
    });
  });

  it('lists every event for admins, drafts included, filterable by status', async () => {
    const admin = await signedInClient('ADMIN');
    const all = await admin.admin.events.list.query({ q: token });
    expect(all.items.map((e) => e.title).sort()).toEqual([`Draft ${token}`, `Live ${token}`]);
    const drafts = await admin.admin.events.list.query({ q: token, status: 'DRAFT' });
    expect(drafts.items.map((e) => e.id)).toEqual([draftId]);
  });
});
