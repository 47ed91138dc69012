// checkout.pay: pay for the caller's hold; the same idempotency key never charges twice. Attempts are
// rate limited per fan (src/rate-limits), before anything is charged; one the server fails (5xx)
// gives its point back.
import { ZPayRequest, ZPayResponse } from '@tessera/contracts/checkout';
import { pay } from '@tessera/core/checkout/pay';
import { withRateLimit } from '../../../rate-limits/limit-call.ts';
import { authedProcedure } from '../../procedures.ts';

export const payProcedure = authedProcedure
  .input(ZPayRequest)
  .output(ZPayResponse)
  .mutation(async ({ ctx, input }) =>
    withRateLimit(ctx, 'pay', ctx.user.id, () =>
      pay(ctx.checkout, { ...input, userId: ctx.user.id }),
    ),
  );
