// auth.me: who is signed in (null for anonymous callers, never an error).
import { ZMeResponse } from '@tessera/contracts/auth';
import { publicProcedure } from '../../procedures.ts';

export const meProcedure = publicProcedure.output(ZMeResponse).query(async ({ ctx }) => {
  const session = await ctx.getSession();
  return { user: session?.user ?? null };
});
