// auth.logout: ends the current session everywhere at once (database and cache) and clears the cookie.
import { z } from 'zod';
import { invalidateSession } from '@tessera/core/auth/sessions.service';
import { publicProcedure } from '../../procedures.ts';

export const logoutProcedure = publicProcedure
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    const session = await ctx.getSession();
    if (session) {
      await invalidateSession({
        prisma: ctx.prisma,
        redis: ctx.redis,
        redisPrefix: ctx.config.redisPrefix,
        sessionId: session.id,
      });
    }
    ctx.res.clearSessionCookie();
    return { ok: true as const };
  });
