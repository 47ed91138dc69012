// The simulated processor's ledger in Redis, shared by the API replicas and the worker: a charge
// made by a replica whose reply was lost (or that died) is still found by the recovery sweep.
// Each entry is one key written with SET NX, so the first charge of a payment id wins however
// many processes charge it at once. Entries expire after a week, far beyond any recovery.
import type { RedisClient } from '../infra/redis-client.ts';
import type { ChargeResult } from './payment-provider.ts';
import type { SimulatedLedger } from './simulated-ledger.ts';

/** Long enough for any recovery: the sweep finishes a payment within minutes of its lease. */
export const SIMULATED_LEDGER_TTL_SECONDS = 7 * 24 * 3_600;

export interface RedisSimulatedLedgerOptions {
  redis: RedisClient;
  /** The configured Redis key prefix (REDIS_PREFIX), the same in the API and the worker. */
  prefix: string;
  ttlSeconds?: number;
}

export const createRedisSimulatedLedger = ({
  redis,
  prefix,
  ttlSeconds = SIMULATED_LEDGER_TTL_SECONDS,
}: RedisSimulatedLedgerOptions): SimulatedLedger => {
  const chargeKey = (paymentId: string) => `${prefix}sim-pay:charge:${paymentId}`;
  const refundKey = (providerRef: string) => `${prefix}sim-pay:refund:${providerRef}`;
  const readCharge = async (paymentId: string) => {
    const stored = await redis.get(chargeKey(paymentId));
    return stored === null ? null : (JSON.parse(stored) as ChargeResult);
  };
  return {
    async recordCharge(paymentId, result) {
      const kept = await redis.set(
        chargeKey(paymentId),
        JSON.stringify(result),
        'EX',
        ttlSeconds,
        'NX',
      );
      if (kept === 'OK') return result;
      // Another attempt charged this payment first: its result is the answer (idempotency).
      const first = await readCharge(paymentId);
      if (!first) throw new Error(`simulated ledger lost the charge of payment ${paymentId}`);
      return first;
    },
    findCharge: readCharge,
    async recordRefund(providerRef, amountCents) {
      const kept = await redis.set(
        refundKey(providerRef),
        String(amountCents),
        'EX',
        ttlSeconds,
        'NX',
      );
      return kept === 'OK';
    },
    async isRefunded(providerRef) {
      return (await redis.exists(refundKey(providerRef))) === 1;
    },
  };
};
