// Creates an account and signs it in; a taken email creates nothing.
import type { PublicUser } from '@tessera/contracts/auth';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { SessionDeps } from './auth-deps.ts';
import { hashPassword } from './password.ts';
import { createSession } from './sessions.service.ts';
import { insertUser, userExistsWithEmail } from './user.repository.ts';

export interface RegisterUserOptions extends SessionDeps {
  /** Already validated and normalised (trimmed, lower-case) by the request schema. */
  email: string;
  name: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}

const emailTaken = () =>
  new AppError(AppErrorCode.EMAIL_TAKEN, {
    userMessage: 'An account with this email already exists. Sign in instead.',
    fieldErrors: { email: 'An account with this email already exists.' },
  });

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

export const registerUser = async ({
  email,
  name,
  password,
  ip,
  userAgent,
  ...deps
}: RegisterUserOptions) => {
  if (await userExistsWithEmail({ prisma: deps.prisma, email })) throw emailTaken();
  const passwordHash = await hashPassword(password);
  let user: PublicUser;
  try {
    user = await insertUser({ prisma: deps.prisma, email, name, passwordHash });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same answer.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  const session = await createSession({ ...deps, userId: user.id, ip, userAgent });
  return { user, session };
};
