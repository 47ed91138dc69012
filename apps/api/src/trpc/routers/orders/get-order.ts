// orders.get: one of the caller's orders with its tickets and their QR codes.
import { ZGetOrderRequest, ZOrderDetail } from '@tessera/contracts/orders';
import { getMyOrder } from '@tessera/core/orders/orders.service';
import { authedProcedure } from '../../procedures.ts';

export const getOrderProcedure = authedProcedure
  .input(ZGetOrderRequest)
  .output(ZOrderDetail)
  .query(({ ctx, input }) =>
    getMyOrder({
      prisma: ctx.prisma,
      userId: ctx.user.id,
      orderId: input.orderId,
      ticketSecret: ctx.config.checkout.ticketSigningSecret,
    }),
  );
