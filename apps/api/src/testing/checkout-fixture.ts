// Sale fixtures for the holds/checkout tests: a published event on its own venue (rows of seats
// per price tier), fans with live sessions, and tRPC callers acting as them.
import { randomUUID } from 'node:crypto';
import { createSession } from '@tessera/core/auth/sessions.service';
import {
  createTestEvent,
  createTestVenue,
  uniqueToken,
} from '@tessera/core/testing/catalog-fixtures';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createApiDeps, createContextInner } from '../trpc/context.ts';
import { createCallerFactory } from '../trpc/init.ts';
import { appRouter } from '../trpc/router.ts';
import type { TestApp } from './test-app.ts';

export const TIER_PRICES = { A: 6000, B: 3500 } as const;

/** Two tiers, one row each: row "1" (tier A, nearest the stage) and row "2" (tier B). */
export const createSaleEvent = async ({
  testApp,
  seatsPerRow = 8,
}: {
  testApp: TestApp;
  seatsPerRow?: number;
}) => {
  const { prisma } = testApp;
  const city = uniqueToken('Saleville');
  const { venue, priceTiers, capacity } = await createTestVenue({
    prisma,
    name: uniqueToken('Sale hall'),
    city,
    seatsPerRow,
    tiers: [
      { code: 'A', defaultPriceCents: 1 },
      { code: 'B', defaultPriceCents: 1 },
    ],
  });
  const event = await createTestEvent({
    prisma,
    venueId: venue.id,
    title: uniqueToken('Sale'),
    city,
    capacity,
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    prices: [
      { priceTierId: priceTiers[0]!.id, priceCents: TIER_PRICES.A },
      { priceTierId: priceTiers[1]!.id, priceCents: TIER_PRICES.B },
    ],
  });
  const seats = await prisma.seat.findMany({
    where: { venueId: venue.id },
    orderBy: [{ rowId: 'asc' }, { position: 'asc' }],
    select: { id: true, rowId: true, position: true, label: true, priceTierId: true },
  });
  const rowA = seats.filter((s) => s.priceTierId === priceTiers[0]!.id).map((s) => s.id);
  const rowB = seats.filter((s) => s.priceTierId === priceTiers[1]!.id).map((s) => s.id);
  return { event, venue, priceTiers, seats, rowA, rowB };
};

/** A fan with a session token (no password hashing: tests create hundreds). */
export const createFan = async (testApp: TestApp, label = 'fan') => {
  const user = await testApp.prisma.user.create({
    data: { email: `${label}-${randomUUID()}@example.com`, name: label, passwordHash: 'x' },
  });
  const { token } = await createSession({
    prisma: testApp.prisma,
    redis: testApp.redis,
    redisPrefix: testApp.config.redisPrefix,
    userId: user.id,
  });
  return { user, token };
};

const createCaller = createCallerFactory(appRouter);

/** Callers sharing one set of dependencies (so one payment provider) as anonymous or as a fan. */
export const createCallers = (testApp: TestApp, paymentProvider?: PaymentProvider) => {
  const deps = createApiDeps({ ...testApp, paymentProvider });
  return {
    deps,
    anonymous: () => createCaller(createContextInner({ deps })),
    as: (fan: { token: string }) =>
      createCaller(createContextInner({ deps, request: { sessionToken: fan.token } })),
  };
};

export const SUCCESS_CARD = {
  cardNumber: '4242 4242 4242 4242',
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
  name: 'Ada Lovelace',
};
export const DECLINE_CARD = { ...SUCCESS_CARD, cardNumber: '4000000000000002' };
export const LATE_CARD = { ...SUCCESS_CARD, cardNumber: '4000000000009995' };
