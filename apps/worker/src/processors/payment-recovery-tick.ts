// Every 15 s, finishes payments whose pay attempt died and that no retry came back for
// (core/checkout/recover-payments.ts): charged ones are committed or refunded, uncharged ones
// closed as FAILED, claimed keys without a payment given back. Each payment is taken over with a
// lease (a conditional UPDATE), so replicas and fans' retries never finish one twice.
import { createEventSaleInfoCache } from '@tessera/core/checkout/event-sale-info';
import { recoverStalePayments } from '@tessera/core/checkout/recover-payments';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
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
   * The API's payment provider. Default: the simulated processor without findCharge, since its
   * ledger lives in the API process and cannot be asked from here (only recorded charges count).
   */
  provider?: PaymentProvider;
}

const simulatedWithoutLookup = (): PaymentProvider => {
  const simulated = createSimulatedCardProcessor({ latencyMs: 0 });
  return {
    name: simulated.name,
    charge: (request) => simulated.charge(request),
    refund: (options) => simulated.refund(options),
  };
};

/** Starts the periodic pass; the returned function stops it (awaits a pass in progress). */
export const startPaymentRecoveryTick = (deps: PaymentRecoveryTickDeps) => {
  const everyMs = deps.everyMs ?? 15_000;
  const paymentDeps = {
    prisma: deps.prisma,
    redis: deps.redis,
    prefix: deps.seatPrefix,
    saleInfo: createEventSaleInfoCache({ prisma: deps.prisma, ttlMs: 30_000 }),
    provider: deps.provider ?? simulatedWithoutLookup(),
    paymentLeaseMs: deps.leaseMs,
  };
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
