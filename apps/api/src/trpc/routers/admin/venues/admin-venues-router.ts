// admin.venues: the venue layout designer's procedures (admins only).
import { router } from '../../../init.ts';
import { adminCreateVenueProcedure } from './create-venue.ts';
import { adminGetVenueProcedure } from './get-venue.ts';
import { adminListVenuesProcedure } from './list-venues.ts';
import { adminPreviewLayoutProcedure } from './preview-layout.ts';
import { adminSaveLayoutProcedure } from './save-layout.ts';

export const adminVenuesRouter = router({
  list: adminListVenuesProcedure,
  get: adminGetVenueProcedure,
  preview: adminPreviewLayoutProcedure,
  create: adminCreateVenueProcedure,
  saveLayout: adminSaveLayoutProcedure,
});
