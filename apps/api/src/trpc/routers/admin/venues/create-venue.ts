// admin.venues.create: a new venue with its first layout.
import { createVenue } from '@tessera/core/layouts/create-venue';
import { adminProcedure } from '../../../procedures.ts';
import { ZCreateVenueRequest, ZCreateVenueResponse } from './venues.types.ts';

export const adminCreateVenueProcedure = adminProcedure
  .input(ZCreateVenueRequest)
  .output(ZCreateVenueResponse)
  .mutation(({ ctx, input }) => createVenue({ prisma: ctx.prisma, ...input }));
