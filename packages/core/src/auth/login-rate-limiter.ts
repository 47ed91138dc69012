// Failed-login counters per account and per IP, kept in Redis so every API replica agrees.
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';

export interface LoginRateLimiterOptions {
  redis: Redis;
  redisPrefix: string;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

export interface LoginRateLimiter {
  /** Throws RATE_LIMITED when the account or the IP already used up its failures. */
  assertAllowed(attempt: { email: string; ip: string }): Promise<void>;
  recordFailure(attempt: { email: string; ip: string }): Promise<void>;
  recordSuccess(attempt: { email: string }): Promise<void>;
}

const describeWait = (seconds: number) =>
  seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;

export const createLoginRateLimiter = (options: LoginRateLimiterOptions): LoginRateLimiter => {
  const make = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: `${options.redisPrefix}login-failures:${name}`,
      points,
      duration: options.windowSeconds,
    });
  const perAccount = make('account', options.maxFailuresPerAccount);
  const perIp = make('ip', options.maxFailuresPerIp);

  const refuseIfSpent = (res: RateLimiterRes | null, points: number) => {
    if (!res || res.consumedPoints < points) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new AppError(AppErrorCode.RATE_LIMITED, {
      userMessage: `Too many failed sign-in attempts. Try again in ${describeWait(retryAfterSeconds)}.`,
      retryAfterSeconds,
    });
  };

  // A consume past the limit rejects with a RateLimiterRes; that only means "already blocked".
  const ignoreLimitReached = (error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error;
  };

  return {
    async assertAllowed({ email, ip }) {
      const [account, address] = await Promise.all([perAccount.get(email), perIp.get(ip)]);
      refuseIfSpent(account, options.maxFailuresPerAccount);
      refuseIfSpent(address, options.maxFailuresPerIp);
    },
    async recordFailure({ email, ip }) {
      await Promise.all([
        perAccount.consume(email).catch(ignoreLimitReached),
        perIp.consume(ip).catch(ignoreLimitReached),
      ]);
    },
    async recordSuccess({ email }) {
      await perAccount.delete(email);
    },
  };
};
