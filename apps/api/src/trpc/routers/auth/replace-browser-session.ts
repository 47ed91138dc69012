// Login and register end in the same place: the new session replaces the one the browser brought.
// The old session is deleted (database and cache), not just overwritten in the cookie, so a planted
// or shared cookie never stays a live session beside the new one.
import { invalidateSession } from '@tessera/core/auth/sessions.service';
import type { Context } from '../../context.ts';

export const replaceBrowserSession = async (
  ctx: Context,
  session: { token: string; expiresAt: Date },
) => {
  const previous = await ctx.getSession();
  if (previous)
    await invalidateSession({
      prisma: ctx.prisma,
      redis: ctx.redis,
      redisPrefix: ctx.config.redisPrefix,
      sessionId: previous.id,
    });
  ctx.res.setSessionCookie(session.token, session.expiresAt);
};
