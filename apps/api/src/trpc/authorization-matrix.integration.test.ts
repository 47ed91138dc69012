// Every admin procedure, enumerated from the router (so one added later is covered without
// editing this file), called as an anonymous visitor, a fan and an admin: anonymous callers get
// UNAUTHORIZED, fans FORBIDDEN, admins get past authorization (a bad input may still be refused,
// but never with UNAUTHORIZED or FORBIDDEN).
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '@tessera/core/auth/sessions.service';
import { createFan } from '../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { createApiDeps, createContextInner } from './context.ts';
import { createCallerFactory } from './init.ts';
import { appRouter } from './router.ts';

const createCaller = createCallerFactory(appRouter);
const ADMIN_PATHS = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith('admin.'))
  .sort();

let testApp: TestApp;
let deps: ReturnType<typeof createApiDeps>;
let fanToken = '';
let adminToken = '';

beforeAll(async () => {
  testApp = await startTestApp();
  deps = createApiDeps(testApp);
  fanToken = (await createFan(testApp, 'matrix-fan')).token;
  const admin = await testApp.prisma.user.create({
    data: {
      email: `matrix-admin-${randomUUID()}@example.com`,
      name: 'Admin',
      passwordHash: 'x',
      role: 'ADMIN',
    },
  });
  adminToken = (
    await createSession({
      prisma: testApp.prisma,
      redis: testApp.redis,
      redisPrefix: testApp.config.redisPrefix,
      userId: admin.id,
    })
  ).token;
});

afterAll(async () => {
  await testApp.close();
});

/** Calls a procedure by its dotted path with an input that names nothing real. */
const callAs = async (token: string | null, path: string): Promise<unknown> => {
  const controller = new AbortController();
  const caller = createCaller(
    createContextInner({ deps, request: token ? { sessionToken: token } : {} }),
    { signal: controller.signal },
  );
  const procedure = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    const result = await procedure({});
    // A subscription resolves to an iterable once authorised; close it without reading.
    await (result as { return?: () => Promise<unknown> } | null)?.return?.();
    return result;
  } finally {
    controller.abort();
  }
};

const codeOf = async (token: string | null, path: string): Promise<string> => {
  try {
    await callAs(token, path);
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
};

describe('authorization matrix over every admin procedure', () => {
  it('finds the admin procedures of the router', () => {
    expect(ADMIN_PATHS).toEqual(
      expect.arrayContaining([
        'admin.events.list',
        'admin.events.get',
        'admin.events.create',
        'admin.events.update',
        'admin.events.publish',
        'admin.events.unpublish',
        'admin.events.cancel',
        'admin.orders.list',
        'admin.orders.get',
        'admin.orders.refund',
        'admin.orders.expiredHolds',
        'admin.invariants.check',
      ]),
    );
  });

  it.each(ADMIN_PATHS)('%s refuses anonymous callers with UNAUTHORIZED', async (path) => {
    expect(await codeOf(null, path)).toBe('UNAUTHORIZED');
  });

  it.each(ADMIN_PATHS)('%s refuses fans with FORBIDDEN', async (path) => {
    expect(await codeOf(fanToken, path)).toBe('FORBIDDEN');
  });

  it.each(ADMIN_PATHS)('%s lets admins through', async (path) => {
    expect(['UNAUTHORIZED', 'FORBIDDEN']).not.toContain(await codeOf(adminToken, path));
  });
});
