// An AppError (or an unreachable Postgres/Redis) as the TRPCError clients see: its mapped code and
// HTTP status, and its user message. Used by the procedure middleware and by streams, whose errors
// surface while iterating, after every middleware has returned.
import { TRPCError } from '@trpc/server';
import { isAppError } from '@tessera/core/errors/app-error';
import { asServiceUnavailable } from '@tessera/core/errors/infrastructure-error';
import { TRPC_CODE_BY_APP_ERROR } from './app-error-codes.ts';

export const toTrpcError = (cause: unknown): TRPCError | null => {
  const appError = isAppError(cause) ? cause : asServiceUnavailable(cause);
  if (!appError) return null;
  return new TRPCError({
    code: TRPC_CODE_BY_APP_ERROR[appError.code],
    message: appError.userMessage,
    cause: appError,
  });
};
