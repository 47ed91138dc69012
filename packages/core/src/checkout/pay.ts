// checkout.pay: idempotent per (fan, key). The first call claims the key, starts the payment and
// stores its result; a retry replays that result and never charges twice.
import { createHmac } from 'node:crypto';
import type { PayResponse } from '@tessera/contracts/checkout';
import type { CardDetails } from '../payments/payment-provider.ts';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { CheckoutDeps } from './checkout-deps.ts';
import { chargeAndConfirm } from './confirm-payment.ts';
import { seatInfoOf } from './event-sale-info.ts';
import {
  abandonIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
} from './idempotency.repository.ts';
import { paymentUserMessage } from './payment-messages.ts';
import { startPayment } from './start-payment.ts';

export const PAY_SCOPE = 'checkout.pay';
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface PayOptions {
  userId: string;
  holdId: string;
  paymentMethod: CardDetails;
  idempotencyKey: string;
}

const inProgress = async (deps: CheckoutDeps, { userId, idempotencyKey }: PayOptions) => {
  const payment = await deps.prisma.payment.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
  });
  if (!payment) {
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: 'This payment is already being processed; check again in a moment.',
    });
  }
  return {
    paymentId: payment.id,
    status: payment.status,
    orderId: payment.orderId,
    userMessage: paymentUserMessage(payment.status, payment.failureReason),
  };
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
  if (claim.kind === 'in-progress') return inProgress(deps, options);

  let payment: { id: string; amountCents: number; currency: string };
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
      select: { id: true, amountCents: true, currency: true },
    });
  } catch (error) {
    // Nothing was charged: give the key back so the fan can retry with it.
    await abandonIdempotencyKey({ prisma, recordId: claim.recordId });
    throw error;
  }
  const response = await chargeAndConfirm(deps, { hold, payment, card });
  await completeIdempotencyKey({ prisma, recordId: claim.recordId, response });
  return response;
};
