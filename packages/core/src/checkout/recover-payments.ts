// The worker's recovery sweep: payments whose pay attempt died and that no retry came back for are
// finished the way a retry would (without the card: a recorded charge, or one the provider's
// findCharge reports, is confirmed or refunded; none: closed as not charged), their pay keys
// completed so a late retry replays the final answer, and keys claimed without a payment given back.
import { ProviderTimeoutError } from '../payments/provider-timeouts.ts';
import type { PaymentDeps } from './checkout-deps.ts';
import {
  DEFAULT_PAYMENT_LEASE_MS,
  findStalePayments,
  releaseStaleClaims,
  takeOverPayment,
} from './payment-lease.ts';
import { PAY_SCOPE } from './pay-scope.ts';
import { resumePayment } from './resume-payment.ts';

export interface RecoveredPayments {
  /** Payments this pass took over and finished, with the status each ended in. */
  resolved: Array<{ paymentId: string; status: string }>;
  /** Payments it could not finish this time (the error is kept for the log); retried next pass. */
  failed: Array<{ paymentId: string; error: string }>;
  /** Pay keys claimed by attempts that died before creating a payment, given back. */
  releasedKeys: number;
}

export const recoverStalePayments = async (
  deps: PaymentDeps,
  { limit = 100 }: { limit?: number } = {},
): Promise<RecoveredPayments> => {
  const leaseMs = deps.paymentLeaseMs ?? DEFAULT_PAYMENT_LEASE_MS;
  const { prisma } = deps;
  const releasedKeys = await releaseStaleClaims({ prisma, scope: PAY_SCOPE, leaseMs });
  const ids = await findStalePayments({ prisma, scope: PAY_SCOPE, leaseMs, limit });
  const resolved: RecoveredPayments['resolved'] = [];
  const failed: RecoveredPayments['failed'] = [];
  for (const paymentId of ids) {
    if (!(await takeOverPayment({ prisma, paymentId, leaseMs }))) continue;
    try {
      const response = await resumePayment(deps, { paymentId });
      const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
      await prisma.idempotencyRecord.updateMany({
        where: {
          userId: payment.userId,
          scope: PAY_SCOPE,
          key: payment.idempotencyKey,
          status: 'IN_PROGRESS',
        },
        data: { status: 'COMPLETED', response: { ...response } },
      });
      resolved.push({ paymentId, status: response.status });
    } catch (error) {
      failed.push({ paymentId, error: (error as Error).message });
      // The provider is not answering (the payment is PENDING again, its lease given back): asking
      // it about the rest would cost a timeout each; the next pass tries them all again.
      if (error instanceof ProviderTimeoutError) break;
    }
  }
  return { resolved, failed, releasedKeys };
};
