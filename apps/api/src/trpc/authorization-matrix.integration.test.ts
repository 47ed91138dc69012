// The authorization matrix: every procedure of the router × {anonymous, fan, other fan, admin}.
// Each procedure is classified in ACCESS below; a procedure added to the router without a class
// fails the first test. Anonymous callers get UNAUTHORIZED on everything but public procedures,
// fans FORBIDDEN on admin ones. Owner-only procedures are then called over HTTP by another fan
// (and by an admin) with fan A's ids: refused with NOT_FOUND/FORBIDDEN, nothing of A's changes,
// and no data of A in the answer — queries, mutations and the SSE stream alike.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { createSession } from '@tessera/core/auth/sessions.service';
import { callHttp } from '../access/access-http.ts';
import { createFan, createSaleEvent, SUCCESS_CARD } from '../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../testing/test-app.ts';
import { openWaitingRoom } from './routers/waiting-room/waiting-room-test-kit.ts';
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

const createAdmin = async () => {
  const admin = await testApp.prisma.user.create({
    data: {
      email: `matrix-admin-${randomUUID()}@example.com`,
      name: 'Admin',
      passwordHash: 'x',
      role: 'ADMIN',
    },
  });
  const { token } = await createSession({
    prisma: testApp.prisma,
    redis: testApp.redis,
    redisPrefix: testApp.config.redisPrefix,
    userId: admin.id,
  });
  return { user: admin, token };
};

beforeAll(async () => {
  testApp = await startTestApp({ checkout: { ...testConfig().checkout, paymentLatencyMs: 0 } });
  deps = createApiDeps(testApp);
  adminToken = (await createAdmin()).token;
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

describe("owner-only procedures called with another fan's ids", () => {
  let fanA: Awaited<ReturnType<typeof createFan>>;
  let held: { id: string };
  let paid: { paymentId: string; orderId: string };
  let strangers: { label: string; token: string }[];

  const holdsOfA = async () =>
    (await callHttp(testApp, 'query', 'holds.mine', { token: fanA.token })).data;

  /** Nothing that identifies fan A or A's purchase may appear in an answer to someone else. */
  const expectNothingOfA = (body: string) => {
    for (const secret of [fanA.user.id, fanA.user.email, fanA.user.name, paid.paymentId])
      expect(body).not.toContain(secret);
  };

  beforeAll(async () => {
    const sale = await createSaleEvent({ testApp });
    fanA = await createFan(testApp, `owner-a-${randomUUID()}`);
    const create = async (seatIds: number[]) => {
      const result = await callHttp(testApp, 'mutation', 'holds.create', {
        token: fanA.token,
        input: { eventId: sale.event.id, seatIds },
      });
      expect(result.code).toBe('OK');
      return result.data as { id: string };
    };
    held = await create(sale.rowA.slice(0, 2));
    const toPay = await create(sale.rowB.slice(0, 2));
    const payment = await callHttp(testApp, 'mutation', 'checkout.pay', {
      token: fanA.token,
      input: { holdId: toPay.id, paymentMethod: SUCCESS_CARD, idempotencyKey: randomUUID() },
    });
    expect(payment.data).toMatchObject({ status: 'SUCCEEDED' });
    paid = payment.data as typeof paid;
    strangers = [
      { label: 'other fan', token: (await createFan(testApp, 'owner-b')).token },
      { label: 'admin', token: (await createAdmin()).token },
    ];
  });

  it('holds.release and checkout.pay on A’s hold: refused, A’s hold untouched, no payment', async () => {
    const before = await holdsOfA();
    expect(JSON.stringify(before)).toContain(held.id);
    for (const { label, token } of strangers) {
      const release = await callHttp(testApp, 'mutation', 'holds.release', {
        token,
        input: { holdId: held.id },
      });
      const pay = await callHttp(testApp, 'mutation', 'checkout.pay', {
        token,
        input: { holdId: held.id, paymentMethod: SUCCESS_CARD, idempotencyKey: randomUUID() },
      });
      for (const refused of [release, pay]) {
        expect(['NOT_FOUND', 'FORBIDDEN'], label).toContain(refused.code);
        expectNothingOfA(refused.body);
      }
    }
    // Same holds, same seats, same expiry (not released, not extended by the payment attempt).
    expect(await holdsOfA()).toEqual(before);
    expect(await testApp.prisma.payment.count({ where: { holdId: held.id } })).toBe(0);
  });

  it('checkout.status and orders.get with A’s ids: NOT_FOUND, nothing of A in the answer', async () => {
    // The owner reads them (so the refusals below are about the caller, not the ids).
    const own = await callHttp(testApp, 'query', 'orders.get', {
      token: fanA.token,
      input: { orderId: paid.orderId },
    });
    expect(own.code).toBe('OK');
    const tickets = (own.data as { tickets: { id: string; signedId: string }[] }).tickets;
    expect(tickets).toHaveLength(2);
    for (const { label, token } of strangers) {
      const status = await callHttp(testApp, 'query', 'checkout.status', {
        token,
        input: { paymentId: paid.paymentId },
      });
      const order = await callHttp(testApp, 'query', 'orders.get', {
        token,
        input: { orderId: paid.orderId },
      });
      for (const refused of [status, order]) {
        expect(['NOT_FOUND', 'FORBIDDEN'], label).toContain(refused.code);
        expectNothingOfA(refused.body);
        for (const ticket of tickets) {
          expect(refused.body).not.toContain(ticket.id);
          expect(refused.body).not.toContain(ticket.signedId);
        }
      }
    }
  });

  it('holds.mine and orders.mine list only the caller’s own holds and orders', async () => {
    for (const { token } of strangers) {
      const holds = await callHttp(testApp, 'query', 'holds.mine', { token });
      const orders = await callHttp(testApp, 'query', 'orders.mine', { token });
      for (const mine of [holds, orders]) {
        expect(mine.code).toBe('OK');
        expect(mine.body).not.toContain(held.id);
        expect(mine.body).not.toContain(paid.orderId);
        expectNothingOfA(mine.body);
      }
    }
  });

  describe('waiting room', () => {
    let baseUrl = '';
    let room: Awaited<ReturnType<typeof openWaitingRoom>>;
    let admissionOfA = '';

    beforeAll(async () => {
      baseUrl = await testApp.listen();
      room = await openWaitingRoom(testApp);
      const joined = await callHttp(testApp, 'mutation', 'waitingRoom.join', {
        token: fanA.token,
        input: { eventId: room.event.id },
      });
      expect(joined.code).toBe('OK');
      await advanceAdmission({
        redis: testApp.redis,
        prefix: testApp.config.redisPrefix,
        windowId: room.window.id,
      });
      const status = await callHttp(testApp, 'query', 'waitingRoom.status', {
        token: fanA.token,
        input: { eventId: room.event.id },
      });
      const admission = (status.data as { admission: { token: string } | null }).admission;
      expect(admission).not.toBeNull();
      admissionOfA = admission!.token;
    });

    it('waitingRoom.status answers with the caller’s own place, never A’s admission', async () => {
      for (const { token } of strangers) {
        const status = await callHttp(testApp, 'query', 'waitingRoom.status', {
          token,
          input: { eventId: room.event.id },
        });
        expect(status.code).toBe('OK');
        expect(status.data).toMatchObject({ admission: null });
        expect(status.body).not.toContain(admissionOfA);
        expectNothingOfA(status.body);
      }
    });

    /** The first message(s) of an SSE GET, as raw text, then the stream is closed. */
    const readStream = async (token: string | null) => {
      const input = encodeURIComponent(JSON.stringify({ eventId: room.event.id }));
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}/trpc/waitingRoom.onUpdate?input=${input}`, {
        headers: token ? { cookie: `${testApp.config.sessionCookieName}=${token}` } : {},
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      try {
        while (!/"(state|code)"/.test(text)) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } finally {
        controller.abort();
      }
      return text;
    };

    it('waitingRoom.onUpdate (SSE GET): anonymous refused, others see only their own status', async () => {
      expect(await readStream(null)).toContain('UNAUTHORIZED');
      const own = await readStream(fanA.token);
      expect(own).toContain(admissionOfA); // the stream does carry the admission to its owner
      for (const { token } of strangers) {
        const text = await readStream(token);
        expect(text).toMatch(/"state"/);
        expect(text).toMatch(/"admission":null/);
        expect(text).not.toContain(admissionOfA);
        expectNothingOfA(text);
      }
    });
  });
});
