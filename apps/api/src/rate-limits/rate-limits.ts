// Abuse limits on auth.login, auth.register, holds.create and checkout.pay, counted in Redis so
// every API replica shares one budget; a refused call gets 429 with Retry-After and changes nothing
// (it is counted before the procedure does any work). waitingRoom.join has its own limits
// (routers/waiting-room/queue-rate-limits.ts). Each counter is one key with its own hash tag
// (`…rl:<call>:<by>:{<subject>}`), so the limits run unchanged on Redis Cluster and spread over slots.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';

/** Calls allowed per window; an absent budget is not counted. */
export interface CallLimit {
  perAccount?: number;
  perIp?: number;
  windowSeconds: number;
}

export interface RateLimitsConfig {
  login: CallLimit;
  register: CallLimit;
  hold: CallLimit;
  pay: CallLimit;
}

export type RateLimitedCall = keyof RateLimitsConfig;

/** `account`: the email for login/register (stored hashed), the user id for hold/pay. */
export interface RateLimitSubject {
  account: string;
  ip: string;
}

export interface RateLimits {
  /** Counts one call; throws RATE_LIMITED (with retryAfterSeconds) when any budget is spent. */
  consume(call: RateLimitedCall, who: RateLimitSubject): Promise<void>;
}

const wait = (seconds: number) =>
  seconds < 90
    ? `${seconds} second${seconds === 1 ? '' : 's'}`
    : `${Math.ceil(seconds / 60)} minutes`;

const MESSAGES: Record<RateLimitedCall, (wait: string) => string> = {
  login: (w) => `Too many sign-in attempts. Wait ${w}, then try again.`,
  register: (w) => `Too many sign-up attempts. Wait ${w}, then try again.`,
  hold: (w) =>
    `Too many attempts to hold seats. Wait ${w}, then try again; seats you already hold stay yours.`,
  pay: (w) =>
    `Too many payment attempts. Wait ${w}, then try again; your seats stay held until their timer runs out.`,
};

// Emails never appear in Redis keys; user ids and IPs do (they are what an operator looks up).
const keyOf = (call: RateLimitedCall, by: 'account' | 'ip', subject: string) => {
  const value =
    by === 'account' && (call === 'login' || call === 'register')
      ? createHash('sha256').update(subject.trim().toLowerCase()).digest('base64url').slice(0, 22)
      : subject;
  return `{${value}}`;
};

export const createRateLimits = ({
  redis,
  prefix,
  limits,
}: {
  redis: Redis;
  prefix: string;
  limits: RateLimitsConfig;
}): RateLimits => {
  const make = (call: RateLimitedCall, by: 'account' | 'ip') => {
    const points = by === 'account' ? limits[call].perAccount : limits[call].perIp;
    if (points === undefined) return null;
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}rl:${call}:${by}`,
      points,
      duration: limits[call].windowSeconds,
      // Once a key is over its budget this replica refuses it from memory until the window ends:
      // a flood of refused calls costs no Redis round trip.
      inMemoryBlockOnConsumed: points,
    });
  };
  const calls = Object.keys(limits) as RateLimitedCall[];
  const limiters = Object.fromEntries(
    calls.map((call) => [call, { account: make(call, 'account'), ip: make(call, 'ip') }]),
  ) as Record<RateLimitedCall, Record<'account' | 'ip', RateLimiterRedis | null>>;

  return {
    async consume(call, who) {
      const budgets = (['account', 'ip'] as const).flatMap((by) => {
        const limiter = limiters[call][by];
        return limiter ? [limiter.consume(keyOf(call, by, who[by]))] : [];
      });
      let waitMs = 0;
      for (const result of await Promise.allSettled(budgets)) {
        if (result.status === 'fulfilled') continue;
        // A rejection with a RateLimiterRes means "over the limit"; anything else is Redis failing.
        if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
        waitMs = Math.max(waitMs, result.reason.msBeforeNext);
      }
      if (waitMs === 0) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AppError(AppErrorCode.RATE_LIMITED, {
        userMessage: MESSAGES[call](wait(retryAfterSeconds)),
        retryAfterSeconds,
      });
    },
  };
};

const shared = new WeakMap<Redis, Map<string, RateLimits>>();

/** One set of limiters per Redis client and prefix for the process (built on first use). */
export const sharedRateLimits = (options: Parameters<typeof createRateLimits>[0]) => {
  let byPrefix = shared.get(options.redis);
  if (!byPrefix) shared.set(options.redis, (byPrefix = new Map()));
  let limits = byPrefix.get(options.prefix);
  if (!limits) byPrefix.set(options.prefix, (limits = createRateLimits(options)));
  return limits;
};

/** Counts one call of the request's caller against the API's configured limits. */
export const consumeRateLimit = (
  ctx: {
    redis: Redis;
    config: { redisPrefix: string; rateLimits: RateLimitsConfig };
    req: { ip: string };
  },
  call: RateLimitedCall,
  account: string,
) =>
  sharedRateLimits({
    redis: ctx.redis,
    prefix: ctx.config.redisPrefix,
    limits: ctx.config.rateLimits,
  }).consume(call, { account, ip: ctx.req.ip });
