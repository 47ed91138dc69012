// checkout.status: the caller's payment status and the message to show.
import { ZCheckoutStatusRequest, ZCheckoutStatusResponse } from '@tessera/contracts/checkout';
import { getPaymentStatus } from '@tessera/core/checkout/payment-status';
import { authedProcedure } from '../../procedures.ts';

export const paymentStatusProcedure = authedProcedure
  .input(ZCheckoutStatusRequest)
  .output(ZCheckoutStatusResponse)
  .query(({ ctx, input }) =>
    getPaymentStatus({ prisma: ctx.prisma, userId: ctx.user.id, paymentId: input.paymentId }),
  );
