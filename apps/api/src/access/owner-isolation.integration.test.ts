// Owner-only procedures called over HTTP by another fan (and by an admin) with fan A's ids: refused
// with NOT_FOUND/FORBIDDEN, nothing of A's changes, and no data of A in the answer — queries,
// mutations and the waiting room's SSE stream alike. (Which procedures are owner-only, and who may
// call each procedure at all, is the authorization matrix: trpc/authorization-matrix.*.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { createFan, createSaleEvent, SUCCESS_CARD } from '../testing/checkout-fixture.ts';
import { createRoleTokens } from '../testing/role-sessions.ts';
import { startTestApp, testConfig, type TestApp } from '../testing/test-app.ts';
import { openWaitingRoom } from '../trpc/routers/waiting-room/waiting-room-test-kit.ts';
import { callHttp } from './access-http.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ checkout: { ...testConfig().checkout, paymentLatencyMs: 0 } });
});

afterAll(async () => {
  await testApp.close();
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
    const roles = await createRoleTokens(testApp);
    strangers = [
      { label: 'other fan', token: roles.fan! },
      { label: 'admin', token: roles.admin! },
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
