// checkout.status: where the caller's payment stands, with the message to show.
import type { CheckoutStatusResponse } from '@tessera/contracts/checkout';
import type { PrismaClient } from '@tessera/db/client';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { paymentUserMessage } from './payment-messages.ts';

export const getPaymentStatus = async ({
  prisma,
  userId,
  paymentId,
}: {
  prisma: PrismaClient;
  userId: string;
  paymentId: string;
}): Promise<CheckoutStatusResponse> => {
  const payment = await prisma.payment.findFirst({ where: { id: paymentId, userId } });
  if (!payment) {
    throw new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'We could not find that payment.' });
  }
  return {
    paymentId: payment.id,
    holdId: payment.holdId,
    status: payment.status,
    orderId: payment.orderId,
    amountCents: payment.amountCents,
    currency: payment.currency,
    userMessage: paymentUserMessage(payment.status, payment.failureReason),
  };
};
