// Admin-only procedures; each one is built on adminProcedure.
import { router } from '../../init.ts';
import { adminListEventsProcedure } from './events/list-events.ts';
import { adminCheckInvariantsProcedure } from './invariants/check-invariants.ts';
import { adminOnSalesRouter } from './on-sales/on-sales-router.ts';

export const adminRouter = router({
  events: router({ list: adminListEventsProcedure }),
  invariants: router({ check: adminCheckInvariantsProcedure }),
  onSales: adminOnSalesRouter,
});
