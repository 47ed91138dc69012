// holds.create: hold chosen seats or the best available ones (admission is checked in the
// waiting-room issue); the event's seat state is loaded from Postgres on first use.
import { ZCreateHoldRequest, ZCreateHoldResponse } from '@tessera/contracts/holds';
import { createHold } from '@tessera/core/checkout/create-hold';
import { authedProcedure } from '../../procedures.ts';

export const createHoldProcedure = authedProcedure
  .input(ZCreateHoldRequest)
  .output(ZCreateHoldResponse)
  .mutation(({ ctx, input }) =>
    createHold({
      ...ctx.checkout,
      userId: ctx.user.id,
      request: input,
      ttlMs: ctx.config.checkout.holdTtlMs,
    }),
  );
