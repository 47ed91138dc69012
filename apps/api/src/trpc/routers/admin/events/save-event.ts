// admin.events.create and admin.events.update: zod checks the shape, core the venue rules.
import {
  ZAdminCreateEventRequest,
  ZAdminEventDetail,
  ZAdminUpdateEventRequest,
} from '@tessera/contracts/admin';
import { createAdminEvent, updateAdminEvent } from '@tessera/core/admin-events/save-event';
import { adminProcedure } from '../../../procedures.ts';

export const adminCreateEventProcedure = adminProcedure
  .input(ZAdminCreateEventRequest)
  .output(ZAdminEventDetail)
  .mutation(({ ctx, input }) => createAdminEvent({ deps: ctx.checkout, fields: input }));

export const adminUpdateEventProcedure = adminProcedure
  .input(ZAdminUpdateEventRequest)
  .output(ZAdminEventDetail)
  .mutation(({ ctx, input: { id, ...fields } }) =>
    updateAdminEvent({ deps: ctx.checkout, eventId: id, fields }),
  );
