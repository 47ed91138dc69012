// holds.mine: the caller's live holds, optionally for one event.
import { ZMyHoldsRequest, ZMyHoldsResponse } from '@tessera/contracts/holds';
import { listMyHolds } from '@tessera/core/checkout/my-holds';
import { authedProcedure } from '../../procedures.ts';

export const myHoldsProcedure = authedProcedure
  .input(ZMyHoldsRequest)
  .output(ZMyHoldsResponse)
  .query(async ({ ctx, input }) => ({
    holds: await listMyHolds({ ...ctx.checkout, userId: ctx.user.id, eventId: input?.eventId }),
  }));
