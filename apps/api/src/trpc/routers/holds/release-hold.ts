// holds.release: give the caller's held seats back.
import { ZReleaseHoldRequest, ZReleaseHoldResponse } from '@tessera/contracts/holds';
import { releaseFanHold } from '@tessera/core/checkout/release-fan-hold';
import { authedProcedure } from '../../procedures.ts';

export const releaseHoldProcedure = authedProcedure
  .input(ZReleaseHoldRequest)
  .output(ZReleaseHoldResponse)
  .mutation(({ ctx, input }) =>
    releaseFanHold({ ...ctx.checkout, userId: ctx.user.id, holdId: input.holdId }),
  );
