// auth.changePassword: needs the current password (failed tries count against the sign-in limits),
// applies the registration rules to the new one, and signs out every other session of the user.
import { z } from 'zod';
import { ZNewPassword } from '@tessera/contracts/auth';
import { changePassword } from '@tessera/core/auth/change-password';
import { authedProcedure } from '../../procedures.ts';

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200),
  newPassword: ZNewPassword,
});

export const changePasswordProcedure = authedProcedure
  .input(ZChangePasswordRequest)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await changePassword({
      prisma: ctx.prisma,
      redis: ctx.redis,
      redisPrefix: ctx.config.redisPrefix,
      loginRateLimiter: ctx.loginRateLimiter,
      userId: ctx.user.id,
      keepSessionId: ctx.session.id,
      ...input,
      ip: ctx.req.ip,
    });
    return { ok: true as const };
  });
