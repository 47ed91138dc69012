// The built-in payment provider: a simulated card processor driven by the test card numbers
// (TEST_CARDS in @tessera/contracts/checkout) with a configurable latency. What it charged and
// refunded lives in its ledger: in Redis for the app (shared by every process), in memory by default.
import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { TEST_CARDS, type TestCardOutcome } from '@tessera/contracts/checkout';
import type { ChargeRequest, ChargeResult, PaymentProvider } from './payment-provider.ts';
import { createInMemorySimulatedLedger, type SimulatedLedger } from './simulated-ledger.ts';

export interface SimulatedCardProcessorOptions {
  /** Simulated processor round trip per charge, lookup or refund; 0 in tests. */
  latencyMs: number;
  /** Read the clock the processor reports settlements with (injectable for tests). */
  now?: () => number;
  /** Where charges and refunds are kept (default: in this process only). */
  ledger?: SimulatedLedger;
}

export type SimulatedCardProcessor = PaymentProvider & {
  findCharge: NonNullable<PaymentProvider['findCharge']>;
  ledger: SimulatedLedger;
  /** The charges this instance refunded (the ledger holds every process's refunds). */
  refunds: ReadonlySet<string>;
};

const OUTCOME_BY_NUMBER = new Map<string, TestCardOutcome>(
  TEST_CARDS.map((card) => [card.number, card.outcome]),
);

/**
 * The late card settles one millisecond after the hold lapses: the processor reports its
 * settlement time, so checkout sees a late payment deterministically without waiting minutes.
 */
export const createSimulatedCardProcessor = ({
  latencyMs,
  now = Date.now,
  ledger = createInMemorySimulatedLedger(),
}: SimulatedCardProcessorOptions): SimulatedCardProcessor => {
  const refunds = new Set<string>();
  const wait = () => (latencyMs > 0 ? delay(latencyMs) : Promise.resolve());
  return {
    name: 'simulated',
    ledger,
    refunds,
    async charge(request: ChargeRequest): Promise<ChargeResult> {
      await wait();
      const previous = await ledger.findCharge(request.paymentId);
      if (previous) return previous;
      const outcome = OUTCOME_BY_NUMBER.get(request.card.cardNumber) ?? 'DECLINED';
      const providerRef = `sim_${createHash('sha256').update(request.paymentId).digest('hex').slice(0, 24)}`;
      const result: ChargeResult =
        outcome === 'DECLINED'
          ? { status: 'DECLINED', reason: 'card_declined' }
          : {
              status: 'SUCCEEDED',
              providerRef,
              settledAt:
                outcome === 'SUCCEEDS_LATE' ? Math.max(now(), request.holdExpiresAt + 1) : now(),
            };
      return ledger.recordCharge(request.paymentId, result);
    },
    async findCharge(paymentId) {
      await wait();
      return ledger.findCharge(paymentId);
    },
    async refund({ providerRef, amountCents }) {
      await wait();
      await ledger.recordRefund(providerRef, amountCents);
      refunds.add(providerRef);
    },
  };
};
