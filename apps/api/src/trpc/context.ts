// Request context: plain dependencies plus what the request carries (session cookie, origin, ip).
import type { Redis } from 'ioredis';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { PrismaClient } from '@tessera/db/client';
import {
  createLoginRateLimiter,
  type LoginRateLimiter,
} from '@tessera/core/auth/login-rate-limiter';
import { validateSessionToken, type ValidatedSession } from '@tessera/core/auth/sessions.service';
import type { CatalogCache } from '@tessera/core/cache/catalog-cache';
import type { CheckoutDeps } from '@tessera/core/checkout/checkout-deps';
import { createEventSaleInfoCache } from '@tessera/core/checkout/event-sale-info';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createSimulatedCardProcessor } from '@tessera/core/payments/simulated-card-processor';
import { createRedisSimulatedLedger } from '@tessera/core/payments/simulated-ledger.store';
import type { ApiConfig } from '../env.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';

export interface ApiDeps {
  prisma: PrismaClient;
  redis: Redis;
  config: ApiConfig;
  loginRateLimiter: LoginRateLimiter;
  /** Seat holds and the pay flow (also what holds, seats and orders procedures read); admin writes
   * invalidate the catalog cache through it. */
  checkout: CheckoutDeps & { catalogCache?: CatalogCache };
  /** The shared catalog cache (absent in createCaller tests: the catalog then reads Postgres). */
  catalogCache?: CatalogCache;
}

/** Long-lived dependencies built once per app (the rate limiter objects are reusable). */
export const createApiDeps = ({
  prisma,
  redis,
  config,
  paymentProvider,
  catalogCache,
}: Pick<ApiDeps, 'prisma' | 'redis' | 'config' | 'catalogCache'> & {
  paymentProvider?: PaymentProvider;
}): ApiDeps => ({
  prisma,
  redis,
  config,
  catalogCache,
  checkout: {
    catalogCache,
    prisma,
    redis,
    prefix: config.redisPrefix,
    saleInfo: createEventSaleInfoCache({ prisma, ttlMs: config.checkout.saleInfoCacheMs }),
    // The simulated processor's ledger is in Redis: the worker's recovery sweep reads it too.
    provider:
      paymentProvider ??
      createSimulatedCardProcessor({
        latencyMs: config.checkout.paymentLatencyMs,
        ledger: createRedisSimulatedLedger({ redis, prefix: config.redisPrefix }),
      }),
    holdExtensionMs: config.checkout.holdExtensionMs,
    maxHoldLifetimeMs: config.checkout.maxHoldLifetimeMs,
    paymentLeaseMs: config.checkout.paymentLeaseMs,
    requestHashSecret: config.checkout.ticketSigningSecret,
  },
  loginRateLimiter: createLoginRateLimiter({
    redis,
    redisPrefix: config.redisPrefix,
    ...config.loginLimits,
  }),
});

/** What procedures may know about the HTTP request. */
export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  sessionToken: string | null;
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
}

/** What procedures may do to the HTTP response; no-ops when called through createCaller. */
export interface ResponseControl {
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  setHeader(name: string, value: string): void;
}

const noResponse: ResponseControl = {
  setSessionCookie() {},
  clearSessionCookie() {},
  setHeader() {},
};

/** The request's logger (pino through Fastify); silent through createCaller unless one is given. */
export type ContextLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

const silentLog: ContextLog = { info() {}, warn() {}, error() {} };

export interface CreateContextInnerOptions {
  deps: ApiDeps;
  request?: Partial<RequestInfo>;
  response?: ResponseControl;
  log?: ContextLog;
}

export const createContextInner = ({
  deps,
  request = {},
  response = noResponse,
  log = silentLog,
}: CreateContextInnerOptions) => {
  const req: RequestInfo = {
    ip: request.ip ?? '127.0.0.1',
    userAgent: request.userAgent ?? null,
    sessionToken: request.sessionToken ?? null,
    origin: request.origin ?? null,
    secFetchSite: request.secFetchSite ?? null,
    host: request.host ?? null,
  };
  let sessionLookup: Promise<ValidatedSession | null> | undefined;
  // Resolved lazily and once: public procedures that never ask cost no Redis round trip.
  const getSession = () =>
    (sessionLookup ??= (async () => {
      if (!req.sessionToken) return null;
      const session = await validateSessionToken({
        prisma: deps.prisma,
        redis: deps.redis,
        redisPrefix: deps.config.redisPrefix,
        token: req.sessionToken,
      });
      if (!session) response.clearSessionCookie();
      else if (session.renewed) response.setSessionCookie(req.sessionToken, session.expiresAt);
      return session;
    })());
  return { ...deps, req, res: response, log, getSession };
};

export type Context = ReturnType<typeof createContextInner>;

const header = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? null;

/** Builds the context of an HTTP request served by the tRPC Fastify adapter. */
export const createContextFactory =
  (deps: ApiDeps) =>
  ({ req, res }: CreateFastifyContextOptions): Context =>
    createContextInner({
      deps,
      log: req.log,
      request: {
        ip: req.ip,
        userAgent: header(req.headers['user-agent']),
        sessionToken: req.cookies[deps.config.sessionCookieName] ?? null,
        origin: header(req.headers.origin),
        secFetchSite: header(req.headers['sec-fetch-site']),
        host: header(req.headers.host),
      },
      response: {
        setSessionCookie: (token, expiresAt) =>
          setSessionCookie({ reply: res, config: deps.config, token, expiresAt }),
        clearSessionCookie: () => clearSessionCookie({ reply: res, config: deps.config }),
        setHeader: (name, value) => void res.header(name, value),
      },
    });
