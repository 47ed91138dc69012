// The orders router: a fan's orders and tickets.
import { router } from '../../init.ts';
import { getOrderProcedure } from './get-order.ts';
import { myOrdersProcedure } from './my-orders.ts';

export const ordersRouter = router({
  mine: myOrdersProcedure,
  get: getOrderProcedure,
});
