// admin.venues.list: every venue, for the designer's index.
import { listVenues } from '@tessera/core/layouts/list-venues';
import { adminProcedure } from '../../../procedures.ts';
import { ZListVenuesResponse } from './venues.types.ts';

export const adminListVenuesProcedure = adminProcedure
  .output(ZListVenuesResponse)
  .query(({ ctx }) => listVenues({ prisma: ctx.prisma }));
