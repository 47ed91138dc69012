// auth.register: creates the account and signs it in right away (attempts limited per email and IP).
// A session the browser brought (someone already signed in) ends, as on login.
import { ZMeResponse, ZRegisterRequest } from '@tessera/contracts/auth';
import { registerUser } from '@tessera/core/auth/register-user';
import { withRateLimit } from '../../../rate-limits/limit-call.ts';
import { publicProcedure } from '../../procedures.ts';
import { replaceBrowserSession } from './replace-browser-session.ts';

export const registerProcedure = publicProcedure
  .input(ZRegisterRequest)
  .output(ZMeResponse)
  .mutation(async ({ ctx, input }) =>
    withRateLimit(ctx, 'register', input.email, async () => {
      const { user, session } = await registerUser({
        prisma: ctx.prisma,
        redis: ctx.redis,
        redisPrefix: ctx.config.redisPrefix,
        ...input,
        ip: ctx.req.ip,
        userAgent: ctx.req.userAgent,
      });
      await replaceBrowserSession(ctx, session);
      return { user };
    }),
  );
