// seats.snapshot: public seat map state; signed-in callers also learn which held seats are theirs.
import { ZSeatsSnapshot, ZSeatsSnapshotRequest } from '@tessera/contracts/seats';
import { readSeatsSnapshot } from '@tessera/core/checkout/seats-snapshot';
import { publicProcedure } from '../../procedures.ts';

export const seatsSnapshotProcedure = publicProcedure
  .input(ZSeatsSnapshotRequest)
  .output(ZSeatsSnapshot)
  .query(async ({ ctx, input }) => {
    const session = await ctx.getSession();
    return readSeatsSnapshot({
      ...ctx.checkout,
      eventId: input.eventId,
      userId: session?.user.id ?? null,
    });
  });
