// What the simulated card processor remembers: the charge made under each payment id (its
// idempotency key) and the refunds it made. The app keeps it in Redis (simulated-ledger.store.ts)
// so every API replica and the worker's recovery sweep read one ledger, as they would a real
// processor's; unit tests keep it in memory.
import type { ChargeResult } from './payment-provider.ts';

export interface SimulatedLedger {
  /** Keeps the charge unless this payment id already has one; returns the one kept (the first). */
  recordCharge(paymentId: string, result: ChargeResult): Promise<ChargeResult>;
  findCharge(paymentId: string): Promise<ChargeResult | null>;
  /** Records a refund of this charge; true the first time, false if it was refunded already. */
  recordRefund(providerRef: string, amountCents: number): Promise<boolean>;
  isRefunded(providerRef: string): Promise<boolean>;
}

export const createInMemorySimulatedLedger = (): SimulatedLedger => {
  const charges = new Map<string, ChargeResult>();
  const refunds = new Set<string>();
  return {
    async recordCharge(paymentId, result) {
      const first = charges.get(paymentId);
      if (first) return first;
      charges.set(paymentId, result);
      return result;
    },
    async findCharge(paymentId) {
      return charges.get(paymentId) ?? null;
    },
    async recordRefund(providerRef) {
      if (refunds.has(providerRef)) return false;
      refunds.add(providerRef);
      return true;
    },
    async isRefunded(providerRef) {
      return refunds.has(providerRef);
    },
  };
};
