// Per-IP and per-account limits on waitingRoom.join / status, counted in Redis so every API
// replica agrees; a refused call gets 429 with Retry-After. Abusers are then refused from memory
// (inMemoryBlockOnConsumed) without another Redis round trip until their window ends.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';

export interface QueueLimit {
  perAccount: number;
  perIp: number;
  windowSeconds: number;
}

export interface QueueLimitsConfig {
  join: QueueLimit;
  status: QueueLimit;
}

export type QueueCall = keyof QueueLimitsConfig;

export interface QueueRateLimits {
  /** Counts one call; throws RATE_LIMITED (with retryAfterSeconds) when either budget is spent. */
  consume(call: QueueCall, who: { userId: string; ip: string }): Promise<void>;
}

const MESSAGES: Record<QueueCall, string> = {
  join: 'Too many attempts to join the queue',
  status: 'Too many queue updates requested',
};

export const createQueueRateLimits = ({
  redis,
  prefix,
  limits,
}: {
  redis: Redis;
  prefix: string;
  limits: QueueLimitsConfig;
}): QueueRateLimits => {
  const make = (call: QueueCall, by: 'account' | 'ip') => {
    const points = by === 'account' ? limits[call].perAccount : limits[call].perIp;
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}wr-limit:${call}:${by}`,
      points,
      duration: limits[call].windowSeconds,
      inMemoryBlockOnConsumed: points,
    });
  };
  const limiters = {
    join: { account: make('join', 'account'), ip: make('join', 'ip') },
    status: { account: make('status', 'account'), ip: make('status', 'ip') },
  };
  return {
    async consume(call, { userId, ip }) {
      const { account, ip: address } = limiters[call];
      const results = await Promise.allSettled([account.consume(userId), address.consume(ip)]);
      let waitMs = 0;
      for (const result of results) {
        if (result.status === 'fulfilled') continue;
        // A rejection with a RateLimiterRes means "over the limit"; anything else is Redis failing.
        if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
        waitMs = Math.max(waitMs, result.reason.msBeforeNext);
      }
      if (waitMs === 0) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AppError(AppErrorCode.RATE_LIMITED, {
        userMessage: `${MESSAGES[call]}. Try again in ${retryAfterSeconds} seconds; your place is kept.`,
        retryAfterSeconds,
      });
    },
  };
};

const shared = new WeakMap<Redis, Map<string, QueueRateLimits>>();

/** One set of limiters per Redis client and prefix for the process (built on first use). */
export const sharedQueueRateLimits = (options: Parameters<typeof createQueueRateLimits>[0]) => {
  let byPrefix = shared.get(options.redis);
  if (!byPrefix) shared.set(options.redis, (byPrefix = new Map()));
  let limits = byPrefix.get(options.prefix);
  if (!limits) byPrefix.set(options.prefix, (limits = createQueueRateLimits(options)));
  return limits;
};
