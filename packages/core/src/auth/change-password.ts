// Changes a signed-in user's password: the current one is required (checked under the failed-login
// limits, so a stolen session can't brute-force it), and every other session of the user ends.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { SessionDeps } from './auth-deps.ts';
import type { LoginRateLimiter } from './login-rate-limiter.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { dropCachedSessions } from './session-cache.store.ts';
import { replacePasswordHash } from './session.repository.ts';

export interface ChangePasswordOptions extends SessionDeps {
  loginRateLimiter: LoginRateLimiter;
  userId: string;
  /** The session making the change: it stays signed in; every other one is signed out. */
  keepSessionId: string;
  currentPassword: string;
  newPassword: string;
  ip: string;
}

export const changePassword = async ({
  loginRateLimiter,
  userId,
  keepSessionId,
  currentPassword,
  newPassword,
  ip,
  ...deps
}: ChangePasswordOptions) => {
  const user = await deps.prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, passwordHash: true },
  });
  if (!user)
    throw new AppError(AppErrorCode.UNAUTHENTICATED, { userMessage: 'Sign in to continue.' });
  await loginRateLimiter.assertAllowed({ email: user.email, ip });
  if (!(await verifyPassword({ passwordHash: user.passwordHash, password: currentPassword }))) {
    await loginRateLimiter.recordFailure({ email: user.email, ip });
    throw new AppError(AppErrorCode.INVALID_CREDENTIALS, {
      userMessage: 'The current password is incorrect.',
    });
  }
  await loginRateLimiter.recordSuccess({ email: user.email });
  const passwordHash = await hashPassword(newPassword);
  // One transaction: a login that verified the old password cannot slip a session past the sweep.
  const endedSessionIds = await replacePasswordHash({
    prisma: deps.prisma,
    userId,
    passwordHash,
    keepSessionId,
  });
  await dropCachedSessions({ ...deps, sessionIds: endedSessionIds });
};
