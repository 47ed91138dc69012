// auth.login: checks credentials (rate limited per account and per IP) and sets the session cookie.
import { ZLoginRequest, ZMeResponse } from '@tessera/contracts/auth';
import { loginUser } from '@tessera/core/auth/login-user';
import { publicProcedure } from '../../procedures.ts';

export const loginProcedure = publicProcedure
  .input(ZLoginRequest)
  .output(ZMeResponse)
  .mutation(async ({ ctx, input }) => {
    const { user, session } = await loginUser({
      prisma: ctx.prisma,
      redis: ctx.redis,
      redisPrefix: ctx.config.redisPrefix,
      loginRateLimiter: ctx.loginRateLimiter,
      ...input,
      ip: ctx.req.ip,
      userAgent: ctx.req.userAgent,
    });
    ctx.res.setSessionCookie(session.token, session.expiresAt);
    return { user };
  });
