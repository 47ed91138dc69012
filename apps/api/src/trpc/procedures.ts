// Procedure builders: every procedure maps AppErrors; mutations pass the CSRF check; roles gate the rest.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';
import { assertSameOriginMutation } from './csrf.ts';
import { assertNoNulCharacters } from './reject-nul-characters.ts';
import { acquireSessionStream, guardStream } from './session-stream-limit.ts';
import { toTrpcError } from './to-trpc-error.ts';
import { observeProcedure } from '../metrics/procedure-metrics.ts';
import { baseProcedure } from './init.ts';

// Measured first, so the latency and outcome include every later middleware and the mapped code.
const mapAppErrors = baseProcedure.use(observeProcedure).use(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTrpcError(result.error.cause);
  if (!mapped) return result;
  const cause = mapped.cause as AppError;
  if (cause.retryAfterSeconds !== undefined)
    ctx.res.setHeader('Retry-After', String(cause.retryAfterSeconds));
  throw mapped;
});

export const publicProcedure = mapAppErrors.use(async (opts) => {
  const { ctx, type, next, getRawInput, signal } = opts;
  if (type === 'mutation')
    assertSameOriginMutation({ request: ctx.req, allowedOrigins: ctx.config.allowedOrigins });
  // A body that cannot be read is left to the input parser (procedures without input ignore it).
  assertNoNulCharacters(await getRawInput().catch(() => undefined));
  if (type !== 'subscription') return next();
  // A signed-in session holds at most STREAMS_PER_SESSION streams open at once (429 past it).
  const session = await ctx.getSession();
  const release = session
    ? acquireSessionStream(session.id, ctx.config.streamsPerSession)
    : undefined;
  const result = await next();
  const data: unknown = result.ok ? result.data : undefined;
  if (!result.ok || data === null || typeof data !== 'object' || !(Symbol.asyncIterator in data)) {
    release?.();
    return result;
  }
  return { ...result, data: guardStream(data as AsyncIterable<unknown>, { release, signal }) };
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
