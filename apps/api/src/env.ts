// The API's configuration: the only module that reads process.env; validated once with zod.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadEnv, ZDatabaseEnv, ZLogEnv, ZRedisEnv } from '@tessera/config/env';

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
    SESSION_COOKIE_NAME: z
      .string()
      .regex(/^[\w-]+$/)
      .default('tessera_session'),
    /** "auto" (default): Secure cookies exactly when PUBLIC_ORIGIN is https. */
    COOKIE_SECURE: z.union([z.literal('auto'), ZBooleanString]).default('auto'),
    WEB_DIST_DIR: z.string().default(path.resolve(apiPackageDir, '../web/dist')),
    /** Fastify trustProxy: "true"/"false" or a comma list of proxy addresses/CIDRs. */
    TRUST_PROXY: z.string().default('false'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
  });
export type ApiEnv = z.infer<typeof ZApiEnv>;

/** Everything the app needs at runtime, derived from the environment once. */
export interface ApiConfig {
  nodeEnv: ApiEnv['NODE_ENV'];
  logLevel: ApiEnv['LOG_LEVEL'];
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  port: number;
  host: string;
  publicOrigin: string;
  /** PUBLIC_ORIGIN plus ALLOWED_ORIGINS, normalised to `scheme://host[:port]`. */
  allowedOrigins: string[];
  sessionCookieName: string;
  cookieSecure: boolean;
  webDistDir: string;
  trustProxy: boolean | string;
  loginLimits: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowSeconds: number };
}

const parseTrustProxy = (raw: string): boolean | string =>
  raw === 'true' || raw === 'false' ? raw === 'true' : raw;

export const toApiConfig = (env: ApiEnv): ApiConfig => {
  const publicOrigin = new URL(env.PUBLIC_ORIGIN).origin;
  const extra = env.ALLOWED_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => new URL(o).origin);
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    port: env.PORT,
    host: env.HOST,
    publicOrigin,
    allowedOrigins: [...new Set([publicOrigin, ...extra])],
    sessionCookieName: env.SESSION_COOKIE_NAME,
    cookieSecure:
      env.COOKIE_SECURE === 'auto' ? publicOrigin.startsWith('https:') : env.COOKIE_SECURE,
    webDistDir: env.WEB_DIST_DIR,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    loginLimits: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
    },
  };
};

/** Reads and validates process.env; prints one line per bad variable and exits on failure. */
export const readApiConfig = (source: NodeJS.ProcessEnv = process.env): ApiConfig =>
  toApiConfig(loadEnv(ZApiEnv, source));
