// admin.events.publish, unpublish and cancel: status changes that also stop or start the sale.
import {
  ZAdminCancelEventResponse,
  ZAdminEventDetail,
  ZAdminEventIdRequest,
} from '@tessera/contracts/admin';
import { cancelAdminEvent } from '@tessera/core/admin-events/cancel-event';
import { publishAdminEvent, unpublishAdminEvent } from '@tessera/core/admin-events/publish-event';
import { adminProcedure } from '../../../procedures.ts';

export const adminPublishEventProcedure = adminProcedure
  .input(ZAdminEventIdRequest)
  .output(ZAdminEventDetail)
  .mutation(({ ctx, input }) => publishAdminEvent({ deps: ctx.checkout, eventId: input.id }));

export const adminUnpublishEventProcedure = adminProcedure
  .input(ZAdminEventIdRequest)
  .output(ZAdminEventDetail)
  .mutation(({ ctx, input }) => unpublishAdminEvent({ deps: ctx.checkout, eventId: input.id }));

export const adminCancelEventProcedure = adminProcedure
  .input(ZAdminEventIdRequest)
  .output(ZAdminCancelEventResponse)
  .mutation(({ ctx, input }) => cancelAdminEvent({ deps: ctx.checkout, eventId: input.id }));
