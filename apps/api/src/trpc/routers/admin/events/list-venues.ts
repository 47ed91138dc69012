// admin.events.venues: venue choices for the event form, each with its price tiers.
import { ZAdminVenueOptionsResponse } from '@tessera/contracts/admin';
import { listAdminVenueOptions } from '@tessera/core/admin-events/venue-options';
import { adminProcedure } from '../../../procedures.ts';

export const adminListVenuesProcedure = adminProcedure
  .output(ZAdminVenueOptionsResponse)
  .query(({ ctx }) => listAdminVenueOptions({ prisma: ctx.prisma }));
