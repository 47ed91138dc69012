// admin.events.*: the back office's event procedures.
import { router } from '../../../init.ts';
import {
  adminCancelEventProcedure,
  adminPublishEventProcedure,
  adminUnpublishEventProcedure,
} from './change-event-status.ts';
import { adminGetEventProcedure } from './get-event.ts';
import { adminListEventsProcedure } from './list-events.ts';
import { adminListVenuesProcedure } from './list-venues.ts';
import { adminCreateEventProcedure, adminUpdateEventProcedure } from './save-event.ts';

export const adminEventsRouter = router({
  list: adminListEventsProcedure,
  get: adminGetEventProcedure,
  venues: adminListVenuesProcedure,
  create: adminCreateEventProcedure,
  update: adminUpdateEventProcedure,
  publish: adminPublishEventProcedure,
  unpublish: adminUnpublishEventProcedure,
  cancel: adminCancelEventProcedure,
});
