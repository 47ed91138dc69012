// Test helpers for the admin procedures: an admin session, and callers (anonymous, fan, admin)
// sharing one set of dependencies with a simulated provider whose refunds the tests can read.
import { randomUUID } from 'node:crypto';
import { createSession } from '@tessera/core/auth/sessions.service';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import { checkEventInvariants } from '@tessera/core/invariants/check-event-invariants';
import { createCallers } from '../../../../testing/checkout-fixture.ts';
import type { TestApp } from '../../../../testing/test-app.ts';

export const createAdmin = async (testApp: TestApp) => {
  const user = await testApp.prisma.user.create({
    data: {
      email: `admin-${randomUUID()}@example.com`,
      name: 'Admin',
      passwordHash: 'x',
      role: 'ADMIN',
    },
  });
  const { token } = await createSession({
    prisma: testApp.prisma,
    redis: testApp.redis,
    redisPrefix: testApp.config.redisPrefix,
    userId: user.id,
  });
  return { user, token };
};

/** `refundFails(ref)` makes the provider refuse that refund (a provider outage). */
export const createAdminKit = async (
  testApp: TestApp,
  /** Runs before each refund reaches the processor: throw to fail it, or wait to make it slow. */
  beforeRefund: (providerRef: string) => void | Promise<void> = () => undefined,
) => {
  const simulated = createSimulatedCardProcessor({ latencyMs: 0 });
  const provider = {
    ...simulated,
    refund: async (options: { providerRef: string; amountCents: number }) => {
      await beforeRefund(options.providerRef);
      return simulated.refund(options);
    },
  };
  const callers = createCallers(testApp, provider);
  const admin = callers.as(await createAdmin(testApp));
  const store = (eventId: string) => ({
    prisma: testApp.prisma,
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
    eventId,
  });
  return {
    provider,
    callers,
    admin,
    /** Applies the event's Redis changes to Postgres, as the worker's reconcile job does. */
    reconcile: (eventId: string) => reconcileEvent(store(eventId)),
    invariants: async (eventId: string) => {
      await reconcileEvent(store(eventId));
      return checkEventInvariants(store(eventId));
    },
  };
};
