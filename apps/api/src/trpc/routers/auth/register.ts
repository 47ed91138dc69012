// auth.register: creates the account and signs it in right away (attempts limited per email and IP).
import { ZMeResponse, ZRegisterRequest } from '@tessera/contracts/auth';
import { registerUser } from '@tessera/core/auth/register-user';
import { consumeRateLimit } from '../../../rate-limits/rate-limits.ts';
import { publicProcedure } from '../../procedures.ts';

export const registerProcedure = publicProcedure
  .input(ZRegisterRequest)
  .output(ZMeResponse)
  .mutation(async ({ ctx, input }) => {
    await consumeRateLimit(ctx, 'register', input.email);
    const { user, session } = await registerUser({
      prisma: ctx.prisma,
      redis: ctx.redis,
      redisPrefix: ctx.config.redisPrefix,
      ...input,
      ip: ctx.req.ip,
      userAgent: ctx.req.userAgent,
    });
    ctx.res.setSessionCookie(session.token, session.expiresAt);
    return { user };
  });
