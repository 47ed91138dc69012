// The worker's payment recovery: a payment whose attempt died after a charge it recorded is
// finished (order, seats sold in Postgres and Redis), one whose charge nobody can vouch for is closed
// as FAILED, and both leave PENDING without any fan retrying.
import { randomUUID } from 'node:crypto';
import { eventKeys } from '@tessera/core/holds/keys';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import {
  createReconciliationFixture,
  deleteReconciliationFixture,
  type ReconciliationFixture,
} from '@tessera/core/reconciliation/reconciliation-fixture';
import { createPrismaClient } from '@tessera/db/client';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentRecoveryTick } from './payment-recovery-tick.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
const seatPrefix = `test:payment-recovery:${randomUUID().slice(0, 8)}:`;
let fx: ReconciliationFixture;

beforeAll(async () => {
  fx = await createReconciliationFixture({ prisma, redis, prefix: seatPrefix });
});

afterAll(async () => {
  await prisma.payment.deleteMany({ where: { userId: { in: fx.fans } } });
  await deleteReconciliationFixture(prisma, fx);
  for await (const keys of redis.scanStream({ match: `${seatPrefix}*`, count: 500 })) {
    if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  }
  redis.disconnect();
  await prisma.$disconnect();
});

/** A payment as a pay attempt leaves it when it dies, aged past the lease. */
const deadPayment = async (holdId: string, userId: string, providerRef: string | null) => {
  const payment = await prisma.payment.create({
    data: {
      holdId,
      userId,
      provider: 'simulated',
      providerRef,
      amountCents: 1000,
      currency: 'EUR',
      idempotencyKey: randomUUID(),
    },
  });
  await prisma.$executeRaw`
    UPDATE payments SET updated_at = now() - interval '1 hour' WHERE id = ${payment.id}::uuid`;
  return payment.id;
};

const waitUntilSettled = async (ids: string[]) => {
  for (let i = 0; i < 200; i += 1) {
    const pending = await prisma.payment.count({ where: { id: { in: ids }, status: 'PENDING' } });
    if (pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('payments still PENDING after 10 s of recovery passes');
};

describe('payment recovery tick', () => {
  it('finishes a recorded charge into an order and closes an unvouched one as FAILED', async () => {
    const charged = await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!], fan: 0 });
    const unknown = await fx.hold({ seats: [fx.seats[4]!], fan: 1 });
    // Reconciliation writes the Postgres hold rows the payments hang on.
    await reconcileEvent({ prisma, redis, prefix: seatPrefix, eventId: fx.eventId });
    const chargedId = await deadPayment(charged.holdId, fx.fans[0], `sim_${randomUUID()}`);
    const unknownId = await deadPayment(unknown.holdId, fx.fans[1], null);

    const stop = startPaymentRecoveryTick({
      prisma,
      redis,
      seatPrefix,
      logger: pino({ level: 'silent' }),
      everyMs: 100,
      leaseMs: 1_000,
    });
    try {
      await waitUntilSettled([chargedId, unknownId]);
    } finally {
      await stop();
    }

    const done = await prisma.payment.findUniqueOrThrow({ where: { id: chargedId } });
    expect(done.status).toBe('SUCCEEDED');
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: done.orderId! },
      include: { seats: true },
    });
    expect(order.status).toBe('CONFIRMED');
    expect(order.seats.map((s) => s.seatId).sort((a, b) => a - b)).toEqual(
      [fx.seats[0]!, fx.seats[1]!].sort((a, b) => a - b),
    );
    const seats = eventKeys({ prefix: seatPrefix, eventId: fx.eventId }).seats;
    expect(await redis.hmget(seats, String(fx.seats[0]!), String(fx.seats[1]!))).toEqual([
      's',
      's',
    ]);

    const closed = await prisma.payment.findUniqueOrThrow({ where: { id: unknownId } });
    expect(closed).toMatchObject({ status: 'FAILED', failureReason: 'outcome_unknown' });
    expect(await prisma.order.count({ where: { holdId: unknown.holdId } })).toBe(0);
  });
});
