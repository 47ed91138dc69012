// The authorization matrix: every procedure of the router × {anonymous, fan, admin}.
// Each procedure is classified in ACCESS below; a procedure added to the router without a class
// fails the first test. Anonymous callers get UNAUTHORIZED on everything but public procedures,
// fans FORBIDDEN on admin ones. What an owner-only procedure answers another fan (or an admin)
// who passes fan A's ids is proven in access/owner-isolation.integration.test.ts.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFan } from '../testing/checkout-fixture.ts';
import { createRoleTokens } from '../testing/role-sessions.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { createApiDeps, createContextInner } from './context.ts';
import { createCallerFactory } from './init.ts';
import { appRouter } from './router.ts';

/**
 * public: anyone, signed in or not. fan: any signed-in user, acting on nothing owned by someone
 * else. owner: any signed-in user, but only on their own holds, payments, orders (with their
 * tickets) and waiting-room place — another user's ids must find nothing. admin: admins only.
 */
type Access = 'public' | 'fan' | 'owner' | 'admin';

const ACCESS: Record<string, Access> = {
  'auth.register': 'public',
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.me': 'public',
  'auth.changePassword': 'fan',
  'events.list': 'public',
  'events.get': 'public',
  'seats.snapshot': 'public',
  'seats.onChange': 'public',
  'seats.onAvailability': 'public',
  'holds.create': 'fan',
  'holds.release': 'owner',
  'holds.mine': 'owner',
  'checkout.pay': 'owner',
  'checkout.status': 'owner',
  'orders.mine': 'owner',
  'orders.get': 'owner',
  'waitingRoom.join': 'fan',
  'waitingRoom.status': 'owner',
  'waitingRoom.onUpdate': 'owner',
  'admin.dashboard.onStats': 'admin',
  'admin.events.list': 'admin',
  'admin.events.get': 'admin',
  'admin.events.venues': 'admin',
  'admin.events.create': 'admin',
  'admin.events.update': 'admin',
  'admin.events.publish': 'admin',
  'admin.events.unpublish': 'admin',
  'admin.events.cancel': 'admin',
  'admin.orders.list': 'admin',
  'admin.orders.get': 'admin',
  'admin.orders.refund': 'admin',
  'admin.orders.expiredHolds': 'admin',
  'admin.invariants.check': 'admin',
  'admin.onSales.list': 'admin',
  'admin.onSales.schedule': 'admin',
  'admin.onSales.update': 'admin',
  'admin.onSales.pause': 'admin',
  'admin.onSales.resume': 'admin',
  'admin.onSales.end': 'admin',
  'admin.onSales.cancel': 'admin',
  'admin.venues.list': 'admin',
  'admin.venues.get': 'admin',
  'admin.venues.preview': 'admin',
  'admin.venues.create': 'admin',
  'admin.venues.saveLayout': 'admin',
};

const createCaller = createCallerFactory(appRouter);
const ALL_PATHS = Object.keys(appRouter._def.procedures).sort();
const pathsOf = (...classes: Access[]) =>
  ALL_PATHS.filter((path) => classes.includes(ACCESS[path]!));
const DENIED = ['UNAUTHORIZED', 'FORBIDDEN'];

let testApp: TestApp;
let deps: ReturnType<typeof createApiDeps>;
let adminToken = '';

beforeAll(async () => {
  testApp = await startTestApp();
  deps = createApiDeps(testApp);
  adminToken = (await createRoleTokens(testApp)).admin!;
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

describe('authorization matrix over every procedure', () => {
  it('classifies every procedure of the router, and nothing else', () => {
    const unclassified = ALL_PATHS.filter((path) => !(path in ACCESS));
    expect(unclassified, 'add these procedures to ACCESS').toEqual([]);
    expect(Object.keys(ACCESS).sort()).toEqual(ALL_PATHS);
  });

  it.each(pathsOf('fan', 'owner', 'admin'))(
    '%s refuses anonymous callers with UNAUTHORIZED',
    async (path) => {
      expect(await codeOf(null, path)).toBe('UNAUTHORIZED');
    },
  );

  it.each(pathsOf('public'))('%s serves anonymous callers', async (path) => {
    expect(DENIED).not.toContain(await codeOf(null, path));
  });

  it.each(pathsOf('admin'))('%s refuses fans with FORBIDDEN', async (path) => {
    expect(await codeOf((await createFan(testApp, 'matrix-fan')).token, path)).toBe('FORBIDDEN');
  });

  // A fresh fan per call: auth.logout would otherwise end the session the next call uses.
  it.each(pathsOf('public', 'fan', 'owner'))('%s lets fans through', async (path) => {
    expect(DENIED).not.toContain(
      await codeOf((await createFan(testApp, 'matrix-fan')).token, path),
    );
  });

  it.each(pathsOf('admin'))('%s lets admins through', async (path) => {
    expect(DENIED).not.toContain(await codeOf(adminToken, path));
  });
});
