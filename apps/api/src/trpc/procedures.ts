// Procedure builders: every procedure maps AppErrors; mutations pass the CSRF check; roles gate the rest.
import { TRPCError } from '@trpc/server';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError, isAppError } from '@tessera/core/errors/app-error';
import { asServiceUnavailable } from '@tessera/core/errors/infrastructure-error';
import { TRPC_CODE_BY_APP_ERROR } from './app-error-codes.ts';
import { assertSameOriginMutation } from './csrf.ts';
import { assertNoNulCharacters } from './reject-nul-characters.ts';
import { observeProcedure } from '../metrics/procedure-metrics.ts';
import { baseProcedure } from './init.ts';

// Measured first, so the latency and outcome include every later middleware and the mapped code.
const mapAppErrors = baseProcedure.use(observeProcedure).use(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = isAppError(result.error.cause)
    ? result.error.cause
    : asServiceUnavailable(result.error.cause);
  if (!cause) return result;
  if (cause.retryAfterSeconds !== undefined)
    ctx.res.setHeader('Retry-After', String(cause.retryAfterSeconds));
  throw new TRPCError({
    code: TRPC_CODE_BY_APP_ERROR[cause.code],
    message: cause.userMessage,
    cause,
  });
});

export const publicProcedure = mapAppErrors.use(async ({ ctx, type, next, getRawInput }) => {
  if (type === 'mutation')
    assertSameOriginMutation({ request: ctx.req, allowedOrigins: ctx.config.allowedOrigins });
  assertNoNulCharacters(await getRawInput());
  return next();
});

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const session = await ctx.getSession();
  if (!session)
    throw new AppError(AppErrorCode.UNAUTHENTICATED, { userMessage: 'Sign in to continue.' });
  return next({ ctx: { session, user: session.user } });
});

export const adminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (ctx.user.role !== 'ADMIN') {
    throw new AppError(AppErrorCode.FORBIDDEN, { userMessage: 'Only administrators can do that.' });
  }
  return next();
});
