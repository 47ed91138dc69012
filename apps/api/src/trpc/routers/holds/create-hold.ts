// holds.create: hold chosen seats or the best available ones; during a waiting-room window the
// fan's admission token is required (signature checked here, claims by the hold script). A genuine
// token presented by another account or for another event is refused and logged (never the token).
// Attempts are rate limited per fan (src/rate-limits), before anything is held; one the server fails
// (5xx) gives its point back.
import { ZCreateHoldRequest, ZCreateHoldResponse } from '@tessera/contracts/holds';
import { createHold } from '@tessera/core/checkout/create-hold';
import { withRateLimit } from '../../../rate-limits/limit-call.ts';
import { authedProcedure } from '../../procedures.ts';

export const createHoldProcedure = authedProcedure
  .input(ZCreateHoldRequest)
  .output(ZCreateHoldResponse)
  .mutation(async ({ ctx, input }) =>
    withRateLimit(ctx, 'hold', ctx.user.id, () =>
      createHold({
        ...ctx.checkout,
        userId: ctx.user.id,
        request: input,
        ttlMs: ctx.config.checkout.holdTtlMs,
        admissionTokenSecret: ctx.config.waitingRoom.admissionTokenSecret,
        onRefusedToken: (refused) =>
          ctx.log.warn(
            { ...refused, ip: ctx.req.ip },
            'admission token of another fan or event refused',
          ),
      }),
    ),
  );
