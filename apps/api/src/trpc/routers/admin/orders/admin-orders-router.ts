// admin.orders.*: order search, detail, refund and an event's ended holds.
import { router } from '../../../init.ts';
import { adminExpiredHoldsProcedure } from './expired-holds.ts';
import { adminGetOrderProcedure, adminListOrdersProcedure } from './list-orders.ts';
import { adminRefundOrderProcedure } from './refund-order.ts';

export const adminOrdersRouter = router({
  list: adminListOrdersProcedure,
  get: adminGetOrderProcedure,
  refund: adminRefundOrderProcedure,
  expiredHolds: adminExpiredHoldsProcedure,
});
