// admin.venues.saveLayout: the document becomes the venue's seats; refused when it would drop or
// move a seat sold or held for an event on the venue, or when someone saved a newer version.
import { saveVenueLayout } from '@tessera/core/layouts/save-venue-layout';
import { adminProcedure } from '../../../procedures.ts';
import { ZSaveLayoutRequest, ZSaveLayoutResponse } from './venues.types.ts';

export const adminSaveLayoutProcedure = adminProcedure
  .input(ZSaveLayoutRequest)
  .output(ZSaveLayoutResponse)
  .mutation(async ({ ctx, input }) => {
    const saved = await saveVenueLayout({
      prisma: ctx.prisma,
      redis: ctx.redis,
      prefix: ctx.config.redisPrefix,
      forgetSaleInfo: (eventId) => ctx.checkout.saleInfo.forget(eventId),
      ...input,
    });
    // Event pages and lists show the venue's name, capacity and layout version.
    await ctx.catalogCache?.invalidate(`layout of venue ${input.venueId}`);
    return saved;
  });
