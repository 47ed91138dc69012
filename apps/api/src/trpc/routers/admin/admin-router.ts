// Admin-only procedures; each one is built on adminProcedure.
import { router } from '../../init.ts';
import { adminDashboardRouter } from './dashboard/dashboard-router.ts';
import { adminEventsRouter } from './events/admin-events-router.ts';
import { adminCheckInvariantsProcedure } from './invariants/check-invariants.ts';
import { adminOnSalesRouter } from './on-sales/on-sales-router.ts';
import { adminOrdersRouter } from './orders/admin-orders-router.ts';
import { adminVenuesRouter } from './venues/admin-venues-router.ts';

export const adminRouter = router({
  dashboard: adminDashboardRouter,
  events: adminEventsRouter,
  orders: adminOrdersRouter,
  invariants: router({ check: adminCheckInvariantsProcedure }),
  onSales: adminOnSalesRouter,
  venues: adminVenuesRouter,
});
