// orders.mine: the caller's orders, newest first.
import { ZMyOrdersResponse } from '@tessera/contracts/orders';
import { listMyOrders } from '@tessera/core/orders/orders.service';
import { authedProcedure } from '../../procedures.ts';

export const myOrdersProcedure = authedProcedure
  .output(ZMyOrdersResponse)
  .query(({ ctx }) => listMyOrders({ prisma: ctx.prisma, userId: ctx.user.id }));
