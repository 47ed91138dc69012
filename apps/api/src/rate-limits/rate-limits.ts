// Abuse limits on auth.login, auth.register, holds.create, checkout.pay, waitingRoom.join and
// waitingRoom.status/onUpdate, counted in Redis so every API replica shares one budget; a refused
// call gets 429 with Retry-After and changes nothing (it is counted before the procedure does any
// work). Each counter is one key with its own hash tag (`…rl:<call>:<by>:{<subject>}`), so the limits
// run unchanged on Redis Cluster and spread over slots.
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

/** The limits set by the RATE_LIMIT settings (the queue's come from the WAITING_ROOM ones). */
export interface RateLimitsConfig {
  login: CallLimit;
  register: CallLimit;
  hold: CallLimit;
  pay: CallLimit;
}

/** Every limited call: the four above, waitingRoom.join, and waitingRoom.status with onUpdate. */
export interface RateLimitTable extends RateLimitsConfig {
  join: CallLimit;
  queueStatus: CallLimit;
}

export type RateLimitedCall = keyof RateLimitTable;

/** `account`: the email for login/register (stored hashed), the user id for the others. */
export interface RateLimitSubject {
  account: string;
  ip: string;
}

/** The points one call spent; `giveBack` returns them (for a call the server failed). */
export interface SpentPoints {
  giveBack(): Promise<void>;
}

export interface RateLimits {
  /** Counts one call; throws RATE_LIMITED (with retryAfterSeconds) when any budget is spent. */
  consume(call: RateLimitedCall, who: RateLimitSubject): Promise<SpentPoints>;
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
  join: (w) => `Too many attempts to join the queue. Try again in ${w}; your place is kept.`,
  queueStatus: (w) => `Too many queue updates requested. Try again in ${w}; your place is kept.`,
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
  limits: RateLimitTable;
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
      const counted = (['account', 'ip'] as const).flatMap((by) => {
        const limiter = limiters[call][by];
        return limiter ? [{ limiter, key: keyOf(call, by, who[by]) }] : [];
      });
      const results = await Promise.allSettled(counted.map((c) => c.limiter.consume(c.key)));
      let waitMs = 0;
      for (const result of results) {
        if (result.status === 'fulfilled') continue;
        // A rejection with a RateLimiterRes means "over the limit"; anything else is Redis failing.
        if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
        waitMs = Math.max(waitMs, result.reason.msBeforeNext);
      }
      if (waitMs === 0)
        return {
          giveBack: async () => {
            await Promise.all(counted.map((c) => c.limiter.reward(c.key, 1)));
          },
        };
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
