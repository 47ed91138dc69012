// checkout.pay: pay for the caller's hold; the same idempotency key never charges twice.
import { ZPayRequest, ZPayResponse } from '@tessera/contracts/checkout';
import { pay } from '@tessera/core/checkout/pay';
import { authedProcedure } from '../../procedures.ts';

export const payProcedure = authedProcedure
  .input(ZPayRequest)
  .output(ZPayResponse)
  .mutation(({ ctx, input }) => pay(ctx.checkout, { ...input, userId: ctx.user.id }));
