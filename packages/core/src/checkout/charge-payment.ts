// Asking the card processor about a payment while holding its lease, and settling what it answers.
// When the provider does not answer in time, this attempt stops working on the payment: it gives
// the lease back before answering 503, so the fan's retry with the same key (or the next sweep)
// takes the payment over at once instead of waiting the lease out; the provider is idempotent per
// payment id, so asking again never charges twice.
import type { PayResponse } from '@tessera/contracts/checkout';
import type { CardDetails, ChargeResult } from '../payments/payment-provider.ts';
import {
  chargeWithTimeout,
  findChargeWithTimeout,
  ProviderTimeoutError,
} from '../payments/provider-timeouts.ts';
import type { PaymentDeps } from './checkout-deps.ts';
import { confirmCharge, paymentResult } from './confirm-payment.ts';
import type { HoldRecord } from './hold-records.store.ts';
import { FailureReason } from './payment-messages.ts';
import { DEFAULT_PAYMENT_LEASE_MS, releasePaymentLease } from './payment-lease.ts';

/** A payment as its lease holder read it: `updatedAt` is the lease it holds. */
export interface LeasedPayment {
  id: string;
  amountCents: number;
  currency: string;
  updatedAt: Date;
}

const givingLeaseBackOnTimeout = async <T>(
  deps: PaymentDeps,
  payment: LeasedPayment,
  call: () => Promise<T>,
): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProviderTimeoutError) {
      // If Postgres cannot take the lease back now, it simply runs out: the 503 matters more.
      await releasePaymentLease({
        prisma: deps.prisma,
        paymentId: payment.id,
        leasedAt: payment.updatedAt,
        leaseMs: deps.paymentLeaseMs ?? DEFAULT_PAYMENT_LEASE_MS,
      }).catch(() => false);
    }
    throw error;
  }
};

/** Charges the card under the payment id (the provider's idempotency key). */
export const chargeUnderLease = (
  deps: PaymentDeps,
  { hold, payment, card }: { hold: HoldRecord; payment: LeasedPayment; card: CardDetails },
): Promise<ChargeResult> =>
  givingLeaseBackOnTimeout(deps, payment, () =>
    chargeWithTimeout(
      deps.provider,
      {
        paymentId: payment.id,
        amountCents: payment.amountCents,
        currency: payment.currency,
        card,
        holdExpiresAt: hold.expiresAt,
      },
      deps.chargeTimeoutMs,
    ),
  );

/** What the provider did under this payment id (null: nothing, or it cannot be asked). */
export const findChargeUnderLease = (
  deps: PaymentDeps,
  payment: LeasedPayment,
): Promise<ChargeResult | null> =>
  givingLeaseBackOnTimeout(deps, payment, () =>
    findChargeWithTimeout(deps.provider, payment.id, deps.chargeTimeoutMs),
  );

/** The provider answered for this payment on a live hold: record a decline, or confirm the charge. */
export const settleCharge = async (
  deps: PaymentDeps,
  { hold, payment, charge }: { hold: HoldRecord; payment: LeasedPayment; charge: ChargeResult },
): Promise<PayResponse> => {
  const { prisma } = deps;
  if (charge.status === 'DECLINED') {
    await prisma.payment.updateMany({
      where: { id: payment.id, status: 'PENDING' },
      data: { status: 'DECLINED', failureReason: FailureReason.CARD_DECLINED },
    });
    return paymentResult(payment.id, 'DECLINED', FailureReason.CARD_DECLINED);
  }
  // Money moved: record it at once, so a sweep finishing this payment without the card knows.
  await prisma.payment.updateMany({
    where: { id: payment.id, status: 'PENDING' },
    data: { providerRef: charge.providerRef },
  });
  return confirmCharge(deps, { hold, payment, charge });
};

export const chargeAndConfirm = async (
  deps: PaymentDeps,
  options: { hold: HoldRecord; payment: LeasedPayment; card: CardDetails },
): Promise<PayResponse> =>
  settleCharge(deps, { ...options, charge: await chargeUnderLease(deps, options) });
