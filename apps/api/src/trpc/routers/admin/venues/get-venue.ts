// admin.venues.get: the venue, its layout document and its seats as they are now.
import { getVenueLayout } from '@tessera/core/layouts/get-venue-layout';
import { adminProcedure } from '../../../procedures.ts';
import { ZGetVenueRequest, ZGetVenueResponse } from './venues.types.ts';

export const adminGetVenueProcedure = adminProcedure
  .input(ZGetVenueRequest)
  .output(ZGetVenueResponse)
  .query(({ ctx, input }) => getVenueLayout({ prisma: ctx.prisma, venueId: input.venueId }));
