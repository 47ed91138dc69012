import { describe, expect, it } from 'vitest';
import { demoEnv } from '../../../scripts/demo-env.mjs';
import { toApiConfig, ZApiEnv } from './env.ts';

const configFrom = (env: Record<string, string>) => toApiConfig(ZApiEnv.parse(env));

describe('API configuration', () => {
  it('starts in production mode with the environment `pnpm start` gives it', () => {
    const env = demoEnv(3000);
    expect(env.NODE_ENV).toBe('production');
    const config = configFrom(env);
    expect(config.checkout.ticketSigningSecret).toBe(env.TICKET_SIGNING_SECRET);
    expect(config.publicOrigin).toBe('http://localhost:3000');
  });

  it('refuses production without a ticket-signing secret', () => {
    const { TICKET_SIGNING_SECRET: _, ...env } = demoEnv(3000);
    expect(ZApiEnv.safeParse(env).success).toBe(false);
  });

  it('works on a developer machine with no variables set', () => {
    const config = configFrom({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      publicOrigin: 'http://localhost:3000',
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/tessera',
      redisUrl: 'redis://127.0.0.1:6379/0',
      cookieSecure: false,
      trustProxy: false,
    });
    expect(config.webDistDir).toMatch(/apps\/web\/dist$/);
  });

  it('makes cookies Secure automatically behind an https origin, unless told otherwise', () => {
    expect(configFrom({ PUBLIC_ORIGIN: 'https://tickets.example' }).cookieSecure).toBe(true);
    expect(
      configFrom({ PUBLIC_ORIGIN: 'https://tickets.example', COOKIE_SECURE: 'false' }).cookieSecure,
    ).toBe(false);
    expect(configFrom({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });

  it('normalises allowed origins and always includes the public origin', () => {
    const config = configFrom({
      PUBLIC_ORIGIN: 'https://tickets.example/',
      ALLOWED_ORIGINS: ' http://localhost:5173/ , https://admin.example',
    });
    expect(config.allowedOrigins).toEqual([
      'https://tickets.example',
      'http://localhost:5173',
      'https://admin.example',
    ]);
  });

  it('keeps CORS closed unless CORS_ORIGINS names origins', () => {
    expect(configFrom({}).corsOrigins).toEqual([]);
    const config = configFrom({
      CORS_ORIGINS: ' https://partner.example/ , https://partner.example',
    });
    expect(config.corsOrigins).toEqual(['https://partner.example']);
    expect(ZApiEnv.safeParse({ CORS_ORIGINS: 'not an origin' }).success).toBe(false);
  });

  it('rejects values that cannot work', () => {
    expect(ZApiEnv.safeParse({ PORT: 'eighty' }).success).toBe(false);
    expect(ZApiEnv.safeParse({ PUBLIC_ORIGIN: 'not a url' }).success).toBe(false);
    expect(ZApiEnv.safeParse({ COOKIE_SECURE: 'maybe' }).success).toBe(false);
  });

  it('requires a ticket signing secret in production and defaults hold timings', () => {
    expect(ZApiEnv.safeParse({ NODE_ENV: 'production' }).success).toBe(false);
    const secret = 'a-production-ticket-signing-secret-32+';
    const config = configFrom({
      NODE_ENV: 'production',
      TICKET_SIGNING_SECRET: secret,
      ADMISSION_TOKEN_SECRET: `${secret}-admission`,
    });
    expect(config.checkout).toMatchObject({
      ticketSigningSecret: secret,
      holdTtlMs: 420_000,
      paymentLeaseMs: 60_000,
    });
  });

  it('takes the payment lease from PAYMENT_LEASE_SECONDS and refuses one too short to pay in', () => {
    expect(configFrom({ PAYMENT_LEASE_SECONDS: '20' }).checkout.paymentLeaseMs).toBe(20_000);
    expect(ZApiEnv.safeParse({ PAYMENT_LEASE_SECONDS: '1' }).success).toBe(false);
  });

  it('requires an admission token secret in production and defaults the waiting-room limits', () => {
    const secret = 'a-production-ticket-signing-secret-32+';
    const withoutAdmission = ZApiEnv.safeParse({
      NODE_ENV: 'production',
      TICKET_SIGNING_SECRET: secret,
    });
    expect(withoutAdmission.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'ADMISSION_TOKEN_SECRET',
    ]);
    const config = configFrom({ WAITING_ROOM_JOIN_LIMIT_PER_IP: '50' });
    expect(config.waitingRoom.limits).toEqual({
      join: { perAccount: 20, perIp: 50, windowSeconds: 60 },
      status: { perAccount: 120, perIp: 6000, windowSeconds: 60 },
    });
    expect(config.waitingRoom.admissionTokenSecret.length).toBeGreaterThanOrEqual(32);
  });
});
