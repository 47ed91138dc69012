// admin.events.list: every event, drafts and past ones included, optionally by status.
import { listEventsForAdmin } from '@tessera/core/catalog/list-events';
import { adminProcedure } from '../../../procedures.ts';
import { ZAdminListEventsRequest, ZAdminListEventsResponse } from './list-events.types.ts';

export const adminListEventsProcedure = adminProcedure
  .input(ZAdminListEventsRequest)
  .output(ZAdminListEventsResponse)
  .query(({ ctx, input }) => listEventsForAdmin({ prisma: ctx.prisma, ...input }));
