// auth.login: checks credentials (rate limited per account and per IP) and sets the cookie of a new
// session. The session the browser brought, if any, ends: a signed-in id never survives a login.
import { ZLoginRequest, ZMeResponse } from '@tessera/contracts/auth';
import { loginUser } from '@tessera/core/auth/login-user';
import { withRateLimit } from '../../../rate-limits/limit-call.ts';
import { publicProcedure } from '../../procedures.ts';
import { replaceBrowserSession } from './replace-browser-session.ts';

export const loginProcedure = publicProcedure
  .input(ZLoginRequest)
  .output(ZMeResponse)
  .mutation(async ({ ctx, input }) =>
    withRateLimit(ctx, 'login', input.email, async () => {
      const { user, session } = await loginUser({
        prisma: ctx.prisma,
        redis: ctx.redis,
        redisPrefix: ctx.config.redisPrefix,
        loginRateLimiter: ctx.loginRateLimiter,
        ...input,
        ip: ctx.req.ip,
        userAgent: ctx.req.userAgent,
      });
      await replaceBrowserSession(ctx, session);
      return { user };
    }),
  );
