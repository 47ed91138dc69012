// auth.login: checks credentials (rate limited per account and per IP) and sets the cookie of a new
// session. The session the browser brought, if any, ends: a signed-in id never survives a login.
import { ZLoginRequest, ZMeResponse } from '@tessera/contracts/auth';
import { loginUser } from '@tessera/core/auth/login-user';
import { invalidateSession } from '@tessera/core/auth/sessions.service';
import { consumeRateLimit } from '../../../rate-limits/rate-limits.ts';
import { publicProcedure } from '../../procedures.ts';

export const loginProcedure = publicProcedure
  .input(ZLoginRequest)
  .output(ZMeResponse)
  .mutation(async ({ ctx, input }) => {
    await consumeRateLimit(ctx, 'login', input.email);
    const { user, session } = await loginUser({
      prisma: ctx.prisma,
      redis: ctx.redis,
      redisPrefix: ctx.config.redisPrefix,
      loginRateLimiter: ctx.loginRateLimiter,
      ...input,
      ip: ctx.req.ip,
      userAgent: ctx.req.userAgent,
    });
    const previous = await ctx.getSession();
    if (previous)
      await invalidateSession({
        prisma: ctx.prisma,
        redis: ctx.redis,
        redisPrefix: ctx.config.redisPrefix,
        sessionId: previous.id,
      });
    ctx.res.setSessionCookie(session.token, session.expiresAt);
    return { user };
  });
