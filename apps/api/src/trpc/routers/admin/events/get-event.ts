// admin.events.get: any event (drafts and cancelled included) with its tier prices and order counts.
import { ZAdminEventDetail, ZAdminEventIdRequest } from '@tessera/contracts/admin';
import { getAdminEvent } from '@tessera/core/admin-events/admin-event-view';
import { adminProcedure } from '../../../procedures.ts';

export const adminGetEventProcedure = adminProcedure
  .input(ZAdminEventIdRequest)
  .output(ZAdminEventDetail)
  .query(({ ctx, input }) => getAdminEvent({ prisma: ctx.prisma, eventId: input.id }));
