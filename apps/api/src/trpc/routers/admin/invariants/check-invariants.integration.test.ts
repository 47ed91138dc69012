// admin.invariants.check over HTTP: refused to anonymous callers and fans; for admins it reports a
// consistent event as passing and names the seat once Redis is corrupted on purpose.
import { eventKeys } from '@tessera/core/holds/keys';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import {
  createReconciliationFixture,
  deleteReconciliationFixture,
  type ReconciliationFixture,
} from '@tessera/core/reconciliation/reconciliation-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STRONG_PASSWORD,
  startTestApp,
  uniqueEmail,
  type TestApp,
} from '../../../../testing/test-app.ts';
import { createTestClient } from '../../../../testing/trpc-test-client.ts';

let testApp: TestApp;
let baseUrl = '';
let fx: ReconciliationFixture;

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
  const store = {
    prisma: testApp.prisma,
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
  };
  fx = await createReconciliationFixture(store);
  await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] });
  await reconcileEvent({ ...store, eventId: fx.eventId });
});

afterAll(async () => {
  await deleteReconciliationFixture(testApp.prisma, fx);
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
    await session.client.auth.login.mutate({ email: user!.email, password: STRONG_PASSWORD });
  }
  return session.client;
};

describe('admin.invariants.check', () => {
  it('refuses anonymous callers with UNAUTHORIZED', async () => {
    const { client } = createTestClient({ baseUrl });
    await expect(
      client.admin.invariants.check.query({ eventId: fx.eventId }),
    ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED', httpStatus: 401 } });
  });

  it('refuses fans with FORBIDDEN', async () => {
    const fan = await signedInClient('FAN');
    await expect(fan.admin.invariants.check.query({ eventId: fx.eventId })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', httpStatus: 403 },
    });
  });

  it('passes a consistent event, then names the seat Redis and Postgres disagree on', async () => {
    const admin = await signedInClient('ADMIN');
    const passing = await admin.admin.invariants.check.query({ eventId: fx.eventId });
    expect(passing.ok).toBe(true);
    expect(passing.events.map((e) => [e.eventId, e.heldInRedis])).toEqual([[fx.eventId, 2]]);

    const seatId = fx.seats[6]!;
    await testApp.redis.hset(eventKeys(fx.store).seats, String(seatId), 's');
    const failing = await admin.admin.invariants.check.query({ eventId: fx.eventId });

    expect(failing.ok).toBe(false);
    const soldCheck = failing.events[0]!.checks.find((c) => c.name === 'sold-seats-agree');
    expect(soldCheck).toMatchObject({
      ok: false,
      mismatches: [{ seatId, postgres: 'available', redis: 'sold' }],
    });
  });

  it('checks every event with seat state when no event is named', async () => {
    const admin = await signedInClient('ADMIN');
    const report = await admin.admin.invariants.check.query();
    expect(report.events.map((e) => e.eventId)).toContain(fx.eventId);
  });
});
