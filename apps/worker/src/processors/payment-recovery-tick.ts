// Every 15 s, finishes payments whose pay attempt died and that no retry came back for
// (core/checkout/recover-payments.ts): charged ones (recorded on the payment, or found by the
// provider's findCharge) are committed or refunded, uncharged ones closed as FAILED, claimed keys
// without a payment given back. Each payment is taken over with a lease (a conditional UPDATE), so
// replicas and fans' retries never finish one twice.
import type { PaymentDeps } from '@tessera/core/checkout/checkout-deps';
import { createEventSaleInfoCache } from '@tessera/core/checkout/event-sale-info';
import { recoverStalePayments } from '@tessera/core/checkout/recover-payments';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import { createRedisSimulatedLedger } from '@tessera/core/payments/simulated-ledger.store';
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface PaymentRecoveryTickDeps {
  prisma: PrismaClient;
  redis: Redis;
  seatPrefix: string;
  logger: Logger;
  everyMs?: number;
  /** A payment untouched this long belongs to a dead attempt (default 60 s). */
  leaseMs?: number;
  /**
   * The API's payment provider. Default: the simulated processor over its ledger in Redis (under
   * the same prefix as the API's), so findCharge sees the charges any API replica made.
   */
  provider?: PaymentProvider;
  /** A provider call not answered within this leaves the payment for the next pass (default 15 s). */
  providerTimeoutMs?: number;
}

/** What one recovery pass works with, as this worker builds it. */
export const createPaymentRecoveryDeps = (deps: PaymentRecoveryTickDeps): PaymentDeps => ({
  prisma: deps.prisma,
  redis: deps.redis,
  prefix: deps.seatPrefix,
  saleInfo: createEventSaleInfoCache({ prisma: deps.prisma, ttlMs: 30_000 }),
  provider:
    deps.provider ??
    createSimulatedCardProcessor({
      latencyMs: 0,
      ledger: createRedisSimulatedLedger({ redis: deps.redis, prefix: deps.seatPrefix }),
    }),
  paymentLeaseMs: deps.leaseMs,
  chargeTimeoutMs: deps.providerTimeoutMs,
});

/** Starts the periodic pass; the returned function stops it (awaits a pass in progress). */
export const startPaymentRecoveryTick = (deps: PaymentRecoveryTickDeps) => {
  const everyMs = deps.everyMs ?? 15_000;
  const paymentDeps = createPaymentRecoveryDeps(deps);
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = recoverStalePayments(paymentDeps)
      .then((result) => {
        if (result.resolved.length > 0 || result.releasedKeys > 0)
          deps.logger.warn(result, 'recovered payments of dead pay attempts');
        if (result.failed.length > 0)
          deps.logger.error({ failed: result.failed }, 'payment recovery failed for some payments');
      })
      .catch((err: unknown) => deps.logger.error({ err }, 'payment recovery errored'))
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
};
