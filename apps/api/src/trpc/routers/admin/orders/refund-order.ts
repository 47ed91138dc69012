// admin.orders.refund: money back through the provider, seats back on sale.
import { ZAdminOrderRequest, ZAdminRefundOrderResponse } from '@tessera/contracts/admin';
import { getAdminOrder } from '@tessera/core/admin-orders/get-admin-order';
import { refundOrder } from '@tessera/core/admin-orders/refund-order';
import { adminProcedure } from '../../../procedures.ts';

export const adminRefundOrderProcedure = adminProcedure
  .input(ZAdminOrderRequest)
  .output(ZAdminRefundOrderResponse)
  .mutation(async ({ ctx, input }) => {
    const { seatsReleased } = await refundOrder({
      deps: ctx.checkout,
      orderId: input.orderId,
      reason: 'admin_refund',
    });
    return {
      order: await getAdminOrder({ prisma: ctx.prisma, orderId: input.orderId }),
      seatsReleased,
    };
  });
