// The API's configuration: the only module that reads process.env; validated once with zod.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadEnv, ZDatabaseEnv, ZLogEnv, ZRedisEnv } from '@tessera/config/env';
import type { RateLimitsConfig } from './rate-limits/rate-limits.ts';
import { DEFAULT_STREAMS_PER_SESSION } from './trpc/session-stream-limit.ts';

const apiPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ZBooleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const ZApiEnv = ZDatabaseEnv.extend(ZRedisEnv.shape)
  .extend(ZLogEnv.shape)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_ORIGIN: z.string().url().default('http://localhost:3000'),
    /** Extra origins allowed to call mutations (comma separated), e.g. the Vite dev server. */
    ALLOWED_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
    /** Origins whose pages may read API responses cross-origin, with cookies (comma separated); none by default. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .refine(
        (list) => list.split(',').every((o) => o.trim() === '' || URL.canParse(o.trim())),
        'a comma-separated list of origins, e.g. https://app.example',
      ),
    SESSION_COOKIE_NAME: z
      .string()
      .regex(/^[\w-]+$/)
      .default('tessera_session'),
    /** "auto" (default): Secure cookies exactly when PUBLIC_ORIGIN is https. */
    COOKIE_SECURE: z.union([z.literal('auto'), ZBooleanString]).default('auto'),
    WEB_DIST_DIR: z.string().default(path.resolve(apiPackageDir, '../web/dist')),
    /** Fastify trustProxy: "true"/"false" or a comma list of proxy addresses/CIDRs. */
    TRUST_PROXY: z.string().default('false'),
    /** Names this replica in the X-Tessera-Replica response header (e.g. api-1); unset: no header. */
    REPLICA_ID: z
      .string()
      .regex(/^[\w.-]{1,64}$/)
      .optional(),
    /** The catalog cache's Redis (events.list, events.get, layouts); default REDIS_URL. */
    CACHE_REDIS_URL: z.string().url().optional(),
    /** Upper bound on a catalog cache entry's life (admin writes invalidate sooner). */
    CATALOG_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** A cache command slower than this counts as an outage and the read goes to Postgres (ms). */
    CACHE_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(5).max(5000).default(250),
    /** A statement waiting longer than this for a row or table lock fails, answering 503 (ms). */
    DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
    /** Postgres cancels an API statement running longer than this, answering 503 (ms). */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
    /** auth.login / auth.register / holds.create / checkout.pay calls allowed per window below, per
     * account (email for login and register, user for hold and pay) and per client IP. */
    LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(30),
    LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(600),
    REGISTER_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    REGISTER_LIMIT_PER_IP: z.coerce.number().int().min(1).default(300),
    HOLD_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(60),
    PAY_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(30),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** How long a fan's hold lasts before payment starts. */
    HOLD_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(420),
    /** The one extension a hold gets when its payment starts. */
    HOLD_EXTENSION_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    /** Hard cap on a hold's lifetime from creation, extended or not. */
    HOLD_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(5).max(7200).default(900),
    /** Simulated card processor round trip (ms). */
    PAYMENT_SIMULATED_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(300),
    /** A pay attempt silent this long may be taken over by a retry or the worker's sweep; keep equal to the worker's. */
    PAYMENT_LEASE_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
    /** Signs ticket ids in QR codes and keys pay-request hashes; required in production. */
    TICKET_SIGNING_SECRET: z.string().min(32).optional(),
    /** How long seat labels, prices and the per-fan limit are cached per event (ms). */
    SALE_INFO_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** Signs waiting-room admission tokens (shared with the worker); required in production. */
    ADMISSION_TOKEN_SECRET: z.string().min(32).optional(),
    /** waitingRoom.join calls allowed per account / per IP within the window below. */
    WAITING_ROOM_JOIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
    WAITING_ROOM_JOIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(600),
    /** waitingRoom.status / onUpdate calls allowed per account / per IP within the window below. */
    WAITING_ROOM_STATUS_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(120),
    WAITING_ROOM_STATUS_LIMIT_PER_IP: z.coerce.number().int().min(1).default(6000),
    WAITING_ROOM_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** How often one API process reads the statuses of its waitingRoom.onUpdate subscribers (ms). */
    WAITING_ROOM_UPDATE_EVERY_MS: z.coerce.number().int().min(100).max(10_000).default(1000),
    /** Live seat map: stream changes within this window after the first become one delta (ms). */
    SEAT_STREAM_COALESCE_MS: z.coerce.number().int().min(10).max(1000).default(75),
    /** Changes kept per event stream (XADD MAXLEN ~): how far back a reconnecting map resumes. */
    SEAT_STREAM_MAX_LEN: z.coerce.number().int().min(1000).max(10_000_000).default(100_000),
    /** Subscription streams one signed-in session may hold open at once, per replica (429 past it). */
    STREAMS_PER_SESSION: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(DEFAULT_STREAMS_PER_SESSION),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.TICKET_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TICKET_SIGNING_SECRET'],
        message: 'required in production (at least 32 characters)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.ADMISSION_TOKEN_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMISSION_TOKEN_SECRET'],
        message: 'required in production (at least 32 characters)',
      });
    }
  });
export type ApiEnv = z.infer<typeof ZApiEnv>;

/** Everything the app needs at runtime, derived from the environment once. */
export interface ApiConfig {
  nodeEnv: ApiEnv['NODE_ENV'];
  logLevel: ApiEnv['LOG_LEVEL'];
  databaseUrl: string;
  /** Bounds on the API's Postgres statements (lock_timeout, statement_timeout). */
  databaseTimeouts: { lockMs: number; statementMs: number };
  redisUrl: string;
  redisPrefix: string;
  port: number;
  host: string;
  publicOrigin: string;
  /** PUBLIC_ORIGIN plus ALLOWED_ORIGINS, normalised to `scheme://host[:port]`. */
  allowedOrigins: string[];
  /** CORS_ORIGINS normalised like allowedOrigins; empty: no CORS headers for anyone. */
  corsOrigins: string[];
  sessionCookieName: string;
  cookieSecure: boolean;
  webDistDir: string;
  trustProxy: boolean | string;
  replicaId?: string;
  catalogCache: { redisUrl: string; ttlMs: number; commandTimeoutMs: number };
  loginLimits: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowSeconds: number };
  /** Attempts per window on login, register, hold and pay (src/rate-limits). */
  rateLimits: RateLimitsConfig;
  checkout: {
    holdTtlMs: number;
    holdExtensionMs: number;
    maxHoldLifetimeMs: number;
    paymentLatencyMs: number;
    paymentLeaseMs: number;
    ticketSigningSecret: string;
    saleInfoCacheMs: number;
  };
  waitingRoom: {
    admissionTokenSecret: string;
    limits: {
      join: { perAccount: number; perIp: number; windowSeconds: number };
      status: { perAccount: number; perIp: number; windowSeconds: number };
    };
    updateEveryMs: number;
  };
  seatStream: { coalesceWindowMs: number; streamMaxLen: number };
  /** Streams (SSE subscriptions) one signed-in session may hold open on this replica. */
  streamsPerSession: number;
}

/** Development and test only: production refuses to start without TICKET_SIGNING_SECRET. */
export const DEV_TICKET_SIGNING_SECRET = 'tessera-dev-ticket-signing-secret-not-for-production';

/** Development and test only (the worker uses the same default so its tokens verify here). */
export const DEV_ADMISSION_TOKEN_SECRET = 'tessera-dev-admission-token-secret-not-for-production';

const parseTrustProxy = (raw: string): boolean | string =>
  raw === 'true' || raw === 'false' ? raw === 'true' : raw;

export const toApiConfig = (env: ApiEnv): ApiConfig => {
  const publicOrigin = new URL(env.PUBLIC_ORIGIN).origin;
  const origins = (list: string) =>
    list
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => new URL(o).origin);
  const extra = origins(env.ALLOWED_ORIGINS);
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    databaseTimeouts: {
      lockMs: env.DATABASE_LOCK_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    port: env.PORT,
    host: env.HOST,
    publicOrigin,
    allowedOrigins: [...new Set([publicOrigin, ...extra])],
    corsOrigins: [...new Set(origins(env.CORS_ORIGINS))],
    sessionCookieName: env.SESSION_COOKIE_NAME,
    cookieSecure:
      env.COOKIE_SECURE === 'auto' ? publicOrigin.startsWith('https:') : env.COOKIE_SECURE,
    webDistDir: env.WEB_DIST_DIR,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    replicaId: env.REPLICA_ID,
    catalogCache: {
      redisUrl: env.CACHE_REDIS_URL ?? env.REDIS_URL,
      ttlMs: env.CATALOG_CACHE_TTL_SECONDS * 1000,
      commandTimeoutMs: env.CACHE_COMMAND_TIMEOUT_MS,
    },
    loginLimits: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    rateLimits: {
      login: {
        perAccount: env.LOGIN_LIMIT_PER_ACCOUNT,
        perIp: env.LOGIN_LIMIT_PER_IP,
        windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      },
      register: {
        perAccount: env.REGISTER_LIMIT_PER_ACCOUNT,
        perIp: env.REGISTER_LIMIT_PER_IP,
        windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      },
      hold: {
        perAccount: env.HOLD_LIMIT_PER_ACCOUNT,
        windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      },
      pay: { perAccount: env.PAY_LIMIT_PER_ACCOUNT, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    },
    checkout: {
      holdTtlMs: env.HOLD_TTL_SECONDS * 1000,
      holdExtensionMs: env.HOLD_EXTENSION_SECONDS * 1000,
      maxHoldLifetimeMs: env.HOLD_MAX_LIFETIME_SECONDS * 1000,
      paymentLatencyMs: env.PAYMENT_SIMULATED_LATENCY_MS,
      paymentLeaseMs: env.PAYMENT_LEASE_SECONDS * 1000,
      ticketSigningSecret: env.TICKET_SIGNING_SECRET ?? DEV_TICKET_SIGNING_SECRET,
      saleInfoCacheMs: env.SALE_INFO_CACHE_MS,
    },
    waitingRoom: {
      admissionTokenSecret: env.ADMISSION_TOKEN_SECRET ?? DEV_ADMISSION_TOKEN_SECRET,
      limits: {
        join: {
          perAccount: env.WAITING_ROOM_JOIN_LIMIT_PER_ACCOUNT,
          perIp: env.WAITING_ROOM_JOIN_LIMIT_PER_IP,
          windowSeconds: env.WAITING_ROOM_LIMIT_WINDOW_SECONDS,
        },
        status: {
          perAccount: env.WAITING_ROOM_STATUS_LIMIT_PER_ACCOUNT,
          perIp: env.WAITING_ROOM_STATUS_LIMIT_PER_IP,
          windowSeconds: env.WAITING_ROOM_LIMIT_WINDOW_SECONDS,
        },
      },
      updateEveryMs: env.WAITING_ROOM_UPDATE_EVERY_MS,
    },
    seatStream: {
      coalesceWindowMs: env.SEAT_STREAM_COALESCE_MS,
      streamMaxLen: env.SEAT_STREAM_MAX_LEN,
    },
    streamsPerSession: env.STREAMS_PER_SESSION,
  };
};

/** Reads and validates process.env; prints one line per bad variable and exits on failure. */
export const readApiConfig = (source: NodeJS.ProcessEnv = process.env): ApiConfig =>
  toApiConfig(loadEnv(ZApiEnv, source));
