// admin.orders.expiredHolds: an event's holds that ended without a sale.
import { ZAdminExpiredHoldsRequest, ZAdminExpiredHoldsResponse } from '@tessera/contracts/admin';
import { listExpiredHolds } from '@tessera/core/admin-orders/expired-holds';
import { adminProcedure } from '../../../procedures.ts';

export const adminExpiredHoldsProcedure = adminProcedure
  .input(ZAdminExpiredHoldsRequest)
  .output(ZAdminExpiredHoldsResponse)
  .query(({ ctx, input }) => listExpiredHolds({ prisma: ctx.prisma, ...input }));
