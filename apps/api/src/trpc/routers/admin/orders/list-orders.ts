// admin.orders.list and admin.orders.get: search orders, read one with seats, payments, refunds.
import {
  ZAdminListOrdersRequest,
  ZAdminListOrdersResponse,
  ZAdminOrderDetail,
  ZAdminOrderRequest,
} from '@tessera/contracts/admin';
import { getAdminOrder } from '@tessera/core/admin-orders/get-admin-order';
import { listAdminOrders } from '@tessera/core/admin-orders/list-orders';
import { adminProcedure } from '../../../procedures.ts';

export const adminListOrdersProcedure = adminProcedure
  .input(ZAdminListOrdersRequest)
  .output(ZAdminListOrdersResponse)
  .query(({ ctx, input }) => listAdminOrders({ prisma: ctx.prisma, filters: input }));

export const adminGetOrderProcedure = adminProcedure
  .input(ZAdminOrderRequest)
  .output(ZAdminOrderDetail)
  .query(({ ctx, input }) => getAdminOrder({ prisma: ctx.prisma, orderId: input.orderId }));
