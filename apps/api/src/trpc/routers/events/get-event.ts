// events.get: one event with venue, layout, price tiers and on-sale windows.
import { ZEventDetail, ZGetEventRequest } from '@tessera/contracts/catalog';
import { getEvent } from '@tessera/core/catalog/get-event';
import { publicProcedure } from '../../procedures.ts';

export const getEventProcedure = publicProcedure
  .input(ZGetEventRequest)
  .output(ZEventDetail)
  .query(async ({ ctx, input }) => {
    // Only drafts need to know who is asking; published events skip the session lookup.
    const viewerIsAdmin = async () => (await ctx.getSession())?.user.role === 'ADMIN';
    return getEvent({
      prisma: ctx.prisma,
      cache: ctx.catalogCache,
      eventId: input.id,
      viewerIsAdmin,
      layout: input.layout,
    });
  });
