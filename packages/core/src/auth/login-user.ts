// Checks credentials under the failed-login limits and opens a session.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { SessionDeps } from './auth-deps.ts';
import type { LoginRateLimiter } from './login-rate-limiter.ts';
import { verifyAgainstDummyHash, verifyPassword } from './password.ts';
import { createSession } from './sessions.service.ts';
import { findUserCredentialsByEmail } from './user.repository.ts';

export interface LoginUserOptions extends SessionDeps {
  loginRateLimiter: LoginRateLimiter;
  email: string;
  password: string;
  ip: string;
  userAgent?: string | null;
}

// One message for unknown email and wrong password: the answer must not reveal which accounts exist.
const invalidCredentials = () =>
  new AppError(AppErrorCode.INVALID_CREDENTIALS, {
    userMessage: 'The email or password is incorrect.',
  });

export const loginUser = async ({
  loginRateLimiter,
  email,
  password,
  ip,
  userAgent,
  ...deps
}: LoginUserOptions) => {
  await loginRateLimiter.assertAllowed({ email, ip });
  const found = await findUserCredentialsByEmail({ prisma: deps.prisma, email });
  let ok = false;
  if (found) ok = await verifyPassword({ passwordHash: found.passwordHash, password });
  else await verifyAgainstDummyHash(password);

  if (!found || !ok) {
    await loginRateLimiter.recordFailure({ email, ip });
    throw invalidCredentials();
  }
  const { passwordHash, ...user } = found;
  const session = await createSession({
    ...deps,
    userId: user.id,
    ip,
    userAgent,
    verifiedPasswordHash: passwordHash,
  });
  // The password changed while this login was checking the old one: that password no longer
  // signs in (and a session made with it would outlive the change's sign-out of every session).
  if (!session) throw invalidCredentials();
  await loginRateLimiter.recordSuccess({ email });
  return { user, session };
};
