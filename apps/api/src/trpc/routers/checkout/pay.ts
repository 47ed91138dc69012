// checkout.pay: pay for the caller's hold; the same idempotency key never charges twice. Attempts are
// rate limited per fan (src/rate-limits), before anything is charged.
import { ZPayRequest, ZPayResponse } from '@tessera/contracts/checkout';
import { pay } from '@tessera/core/checkout/pay';
import { consumeRateLimit } from '../../../rate-limits/rate-limits.ts';
import { authedProcedure } from '../../procedures.ts';

export const payProcedure = authedProcedure
  .input(ZPayRequest)
  .output(ZPayResponse)
  .mutation(async ({ ctx, input }) => {
    await consumeRateLimit(ctx, 'pay', ctx.user.id);
    return pay(ctx.checkout, { ...input, userId: ctx.user.id });
  });
