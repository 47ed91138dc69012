// What procedures use: count a call against the API's configured limits, and, for calls that do
// real work, give the point back when the server fails the call (5xx). A fan retrying our outage
// (Postgres or Redis unreachable, a timeout, a bug) is not punished for it; a call refused for the
// fan's own reasons (declined card, seat taken, bad input) keeps its cost, so the limit still bites.
import type { Redis } from 'ioredis';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { ApiConfig } from '../env.ts';
import { toTrpcError } from '../trpc/to-trpc-error.ts';
import { sharedRateLimits, type RateLimitedCall, type RateLimitTable } from './rate-limits.ts';

export interface RateLimitContext {
  redis: Redis;
  config: Pick<ApiConfig, 'redisPrefix' | 'rateLimits'> & {
    waitingRoom: Pick<ApiConfig['waitingRoom'], 'limits'>;
  };
  req: { ip: string };
}

type LimitConfig = RateLimitContext['config'];
const tables = new WeakMap<LimitConfig, RateLimitTable>();

/** The six calls' budgets from the config, built once per config (join is on the hot path). */
const tableOf = (config: LimitConfig) => {
  let table = tables.get(config);
  if (!table) {
    const { join, status } = config.waitingRoom.limits;
    tables.set(config, (table = { ...config.rateLimits, join, queueStatus: status }));
  }
  return table;
};

/** Counts one call of the request's caller; throws RATE_LIMITED (429) past a budget. */
export const consumeRateLimit = (ctx: RateLimitContext, call: RateLimitedCall, account: string) =>
  sharedRateLimits({
    redis: ctx.redis,
    prefix: ctx.config.redisPrefix,
    limits: tableOf(ctx.config),
  }).consume(call, { account, ip: ctx.req.ip });

/** True when the error reaches the client as a 5xx (mapped by the same table as the middleware). */
export const isServerFault = (error: unknown) => {
  const mapped =
    toTrpcError(error) ??
    (error instanceof TRPCError ? error : new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }));
  return getHTTPStatusCodeFromError(mapped) >= 500;
};

/**
 * Counts the call, runs it, and gives the point back if it failed with a 5xx. The point is spent
 * up front (not after the answer), so a burst of concurrent calls cannot all pass the check first;
 * giving it back waits for Redis, so a retry right after the 503 already sees the full budget.
 */
export const withRateLimit = async <T>(
  ctx: RateLimitContext,
  call: RateLimitedCall,
  account: string,
  run: () => Promise<T>,
): Promise<T> => {
  const spent = await consumeRateLimit(ctx, call, account);
  try {
    return await run();
  } catch (error) {
    // Redis failing here too only loses the refund: the answer stays the original error.
    if (isServerFault(error)) await spent.giveBack().catch(() => undefined);
    throw error;
  }
};
