// checkout.pay: idempotent per (fan, key). The first call claims the key, starts the payment and
// stores its result; a retry replays that result and never charges twice. A retry that finds the
// first attempt dead (its claim or PENDING payment untouched for the lease) takes it over and
// finishes it (resume-payment.ts) instead of answering "in progress" forever; an attempt that gave
// up waiting on the provider gives its lease back, so the retry takes over at once.
import { createHmac } from 'node:crypto';
import type { PayResponse } from '@tessera/contracts/checkout';
import type { CardDetails } from '../payments/payment-provider.ts';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { CheckoutDeps } from './checkout-deps.ts';
import { chargeAndConfirm, type LeasedPayment } from './charge-payment.ts';
import { seatInfoOf } from './event-sale-info.ts';
import {
  abandonIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
} from './idempotency.repository.ts';
import { PAY_SCOPE } from './pay-scope.ts';
import { DEFAULT_PAYMENT_LEASE_MS, releaseStaleClaims, takeOverPayment } from './payment-lease.ts';
import { paymentUserMessage } from './payment-messages.ts';
import { resumePayment } from './resume-payment.ts';
import { startPayment } from './start-payment.ts';
import { isUniqueViolation } from './unique-violation.ts';

export { PAY_SCOPE };
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface PayOptions {
  userId: string;
  holdId: string;
  paymentMethod: CardDetails;
  idempotencyKey: string;
}

const stillInProgress = () =>
  new AppError(AppErrorCode.CONFLICT, {
    userMessage: 'This payment is already being processed; check again in a moment.',
  });

/**
 * The key is claimed but not completed. A live attempt: report where its payment stands. A dead one
 * (lease ran out): without a payment, give the key back and claim it afresh; with one, take it over
 * and finish it with the card of this retry. Returns null when the caller should claim again.
 */
const inProgress = async (
  deps: CheckoutDeps,
  { userId, idempotencyKey, paymentMethod }: PayOptions,
): Promise<PayResponse | null> => {
  const { prisma } = deps;
  const leaseMs = deps.paymentLeaseMs ?? DEFAULT_PAYMENT_LEASE_MS;
  const payment = await prisma.payment.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
  });
  if (!payment) {
    const only = { userId, key: idempotencyKey };
    if ((await releaseStaleClaims({ prisma, scope: PAY_SCOPE, leaseMs, only })) > 0) return null;
    throw stillInProgress();
  }
  const record = await prisma.idempotencyRecord.findUnique({
    where: { userId_scope_key: { userId, scope: PAY_SCOPE, key: idempotencyKey } },
    select: { id: true },
  });
  const unfinished = payment.status === 'PENDING' || payment.status === 'SUCCEEDED';
  if (unfinished && (await takeOverPayment({ prisma, paymentId: payment.id, leaseMs }))) {
    const response = await resumePayment(deps, { paymentId: payment.id, card: paymentMethod });
    if (record) await completeIdempotencyKey({ prisma, recordId: record.id, response });
    return response;
  }
  const response: PayResponse = {
    paymentId: payment.id,
    status: payment.status,
    orderId: payment.orderId,
    userMessage: paymentUserMessage(payment.status, payment.failureReason),
  };
  // A final answer the dead attempt never stored: store it, so later retries replay it.
  if (!unfinished && record)
    await completeIdempotencyKey({ prisma, recordId: record.id, response });
  return response;
};

export const pay = async (deps: CheckoutDeps, options: PayOptions): Promise<PayResponse> => {
  const { prisma } = deps;
  const { userId, holdId, paymentMethod: card, idempotencyKey } = options;
  const requestHash = createHmac('sha256', deps.requestHashSecret)
    .update(
      JSON.stringify([holdId, card.cardNumber, card.expMonth, card.expYear, card.cvc, card.name]),
    )
    .digest('hex');
  const claim = await claimIdempotencyKey<PayResponse>({
    prisma,
    userId,
    scope: PAY_SCOPE,
    key: idempotencyKey,
    requestHash,
    ttlMs: IDEMPOTENCY_TTL_MS,
  });
  if (claim.kind === 'replay') return claim.response;
  if (claim.kind === 'in-progress') {
    const response = await inProgress(deps, options);
    return response ?? pay(deps, options);
  }

  let payment: LeasedPayment;
  let hold: Awaited<ReturnType<typeof startPayment>>;
  try {
    hold = await startPayment(deps, { userId, holdId });
    const info = await deps.saleInfo.get(hold.eventId);
    payment = await prisma.payment.create({
      data: {
        holdId,
        userId,
        provider: deps.provider.name,
        amountCents: hold.seatIds.reduce((sum, id) => sum + seatInfoOf(info, id).priceCents, 0),
        currency: info.currency,
        idempotencyKey,
      },
      select: { id: true, amountCents: true, currency: true, updatedAt: true },
    });
  } catch (error) {
    // Nothing was charged: give the key back so the fan can retry with it.
    await abandonIdempotencyKey({ prisma, recordId: claim.recordId });
    // A payment under this key already exists: an attempt that looked dead (its claim was given
    // back after the lease) was alive and created it meanwhile. Answer as for any attempt in flight.
    if (!isUniqueViolation(error)) throw error;
    const response = await inProgress(deps, options);
    if (!response) throw stillInProgress();
    return response;
  }
  const response = await chargeAndConfirm(deps, { hold, payment, card });
  await completeIdempotencyKey({ prisma, recordId: claim.recordId, response });
  return response;
};
