// The worker's payment recovery: a payment whose attempt died after a charge it recorded is
// finished (order, seats sold in Postgres and Redis); so is one charged by another process (an API
// replica that died before recording it: the simulated processor's ledger is shared in Redis), or
// refunded once its hold is gone, exactly once however many sweepers race; one nobody charged is
// closed as FAILED; all leave PENDING without any fan retrying.
import { randomUUID } from 'node:crypto';
import { recoverStalePayments } from '@tessera/core/checkout/recover-payments';
import { eventKeys } from '@tessera/core/holds/keys';
import { releaseHold } from '@tessera/core/holds/release-hold';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import { createRedisSimulatedLedger } from '@tessera/core/payments/simulated-ledger.store';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import type { ReconciliationFixture } from '@tessera/core/reconciliation/reconciliation-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTickTestStores } from '../testing/tick-test-stores.ts';
import { createPaymentRecoveryDeps, startPaymentRecoveryTick } from './payment-recovery-tick.ts';

const stores = openTickTestStores('payment-recovery');
const { prisma, redis, seatPrefix, logger } = stores;
/** An API replica's own connection to the same Redis. */
const apiReplicaRedis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
let fx: ReconciliationFixture;

beforeAll(async () => {
  fx = await stores.reconciliationFixture({ seatsPerRow: 24 });
});

afterAll(async () => {
  await prisma.payment.deleteMany({ where: { userId: { in: fx.fans } } });
  apiReplicaRedis.disconnect();
  await stores.close();
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

/** An API replica charges the payment, then dies before recording the charge on it. */
const chargeByDyingReplica = async (paymentId: string, holdExpiresAt: number) => {
  const ledger = createRedisSimulatedLedger({ redis: apiReplicaRedis, prefix: seatPrefix });
  const replicaProvider = createSimulatedCardProcessor({ latencyMs: 0, ledger });
  const charge = await replicaProvider.charge({
    paymentId,
    amountCents: 1000,
    currency: 'EUR',
    card: { cardNumber: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', name: 'Fan' },
    holdExpiresAt,
  });
  if (charge.status !== 'SUCCEEDED') throw new Error('the success card was declined');
  return charge;
};

/** One worker's sweep: its own provider instance over the shared ledger, counting its refunds. */
const sweeper = () => {
  const refunds: string[] = [];
  const ledger = createRedisSimulatedLedger({ redis, prefix: seatPrefix });
  const simulated = createSimulatedCardProcessor({ latencyMs: 0, ledger });
  const provider: PaymentProvider = {
    ...simulated,
    refund: async (options) => {
      refunds.push(options.providerRef);
      await simulated.refund(options);
    },
  };
  const deps = createPaymentRecoveryDeps({
    prisma,
    redis,
    seatPrefix,
    logger,
    leaseMs: 1_000,
    provider,
  });
  return { refunds, ledger, sweep: () => recoverStalePayments(deps) };
};

const orderSeatsOf = async (holdId: string) => {
  const orders = await prisma.order.findMany({ where: { holdId }, include: { seats: true } });
  return orders.map((order) => ({
    status: order.status,
    seats: order.seats.map((seat) => seat.seatId).sort((a, b) => a - b),
  }));
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
  it('finishes a recorded charge into an order and closes one the provider never saw as FAILED', async () => {
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
      logger,
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
    expect(closed).toMatchObject({ status: 'FAILED', failureReason: 'not_charged' });
    expect(await prisma.order.count({ where: { holdId: unknown.holdId } })).toBe(0);
  });

  it('confirms a charge an API replica made before dying, found through the shared ledger', async () => {
    const seatIds = [fx.seats[8]!, fx.seats[9]!];
    const hold = await fx.hold({ seats: seatIds, fan: 0 });
    await reconcileEvent({ prisma, redis, prefix: seatPrefix, eventId: fx.eventId });
    const paymentId = await deadPayment(hold.holdId, fx.fans[0], null);
    const charge = await chargeByDyingReplica(paymentId, hold.expiresAt);

    // The worker's own provider, as main.ts builds it: nothing shared with the replica but Redis.
    const pass = await recoverStalePayments(
      createPaymentRecoveryDeps({ prisma, redis, seatPrefix, logger, leaseMs: 1_000 }),
    );

    expect(pass.resolved).toContainEqual({ paymentId, status: 'SUCCEEDED' });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(payment.providerRef).toBe(charge.providerRef);
    expect(await orderSeatsOf(hold.holdId)).toEqual([
      { status: 'CONFIRMED', seats: [...seatIds].sort((a, b) => a - b) },
    ]);
    const seats = eventKeys({ prefix: seatPrefix, eventId: fx.eventId }).seats;
    expect(await redis.hmget(seats, ...seatIds.map(String))).toEqual(['s', 's']);
  });

  it('two sweepers racing: a replica-made charge is confirmed once on a live hold and refunded once when the hold is gone', async () => {
    const live = await fx.hold({ seats: [fx.seats[12]!, fx.seats[13]!], fan: 0 });
    const gone = await fx.hold({ seats: [fx.seats[16]!, fx.seats[17]!], fan: 1 });
    await reconcileEvent({ prisma, redis, prefix: seatPrefix, eventId: fx.eventId });
    const liveId = await deadPayment(live.holdId, fx.fans[0], null);
    const goneId = await deadPayment(gone.holdId, fx.fans[1], null);
    await chargeByDyingReplica(liveId, live.expiresAt);
    const goneCharge = await chargeByDyingReplica(goneId, gone.expiresAt);
    await releaseHold({ ...fx.store, holdId: gone.holdId, userId: fx.fans[1] });

    const [first, second] = [sweeper(), sweeper()];
    const passes = await Promise.all([first.sweep(), second.sweep()]);

    const ours = passes
      .flatMap((pass) => pass.resolved)
      .filter((r) => r.paymentId === liveId || r.paymentId === goneId);
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(
      expect.arrayContaining([
        { paymentId: liveId, status: 'SUCCEEDED' },
        { paymentId: goneId, status: 'REFUNDED' },
      ]),
    );
    expect([...first.refunds, ...second.refunds]).toEqual([goneCharge.providerRef]);
    expect(await first.ledger.isRefunded(goneCharge.providerRef)).toBe(true);
    expect(await orderSeatsOf(live.holdId)).toEqual([
      { status: 'CONFIRMED', seats: [fx.seats[12]!, fx.seats[13]!].sort((a, b) => a - b) },
    ]);
    expect(await orderSeatsOf(gone.holdId)).toEqual([]);
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: goneId } })).toMatchObject({
      status: 'REFUNDED',
      failureReason: 'interrupted',
      providerRef: goneCharge.providerRef,
    });
  });
});
