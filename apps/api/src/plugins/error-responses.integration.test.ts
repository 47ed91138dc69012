// Error answers never leak internals: real failures (the app pointed at a database whose tables do
// not exist, so every query fails inside Prisma) answer a generic message with no stack, SQL,
// table, host or file path, through the tRPC adapter, the fast paths and plain Fastify routes;
// the cause still reaches the log. Fastify's and tRPC's own 4xx answers leak nothing either.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSessionToken } from '@tessera/core/auth/session-token';
import { deleteKeysByPrefix } from '@tessera/core/infra/delete-keys';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { createPrismaClient } from '@tessera/db/client';
import { buildApp } from '../app.ts';
import { STRONG_PASSWORD, testConfig } from '../testing/test-app.ts';
import { loggerOptions } from './logger-options.ts';

const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const emptyDb = `tessera_leak_${randomUUID().slice(0, 8)}`;
const adminUrl = process.env.DATABASE_URL!;
const emptyUrl = Object.assign(new URL(adminUrl), { pathname: `/${emptyDb}` }).toString();
const config = testConfig({ databaseUrl: emptyUrl, logLevel: 'info' });
const prisma = createPrismaClient({ databaseUrl: emptyUrl, poolSize: 2 });
const redis = createRedisClient({ redisUrl: config.redisUrl });
const logLines: string[] = [];
let app: Awaited<ReturnType<typeof buildApp>>;

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  await admin(`CREATE DATABASE ${emptyDb}`);
  const stream = { write: (line: string) => void logLines.push(line) };
  app = await buildApp({
    prisma,
    redis,
    config,
    logger: { ...(loggerOptions(config) as object), stream },
  });
});

afterAll(async () => {
  await app?.close();
  await deleteKeysByPrefix(redis, config.redisPrefix);
  await Promise.all([prisma.$disconnect(), redis.quit()]);
  await admin(`DROP DATABASE IF EXISTS ${emptyDb} WITH (FORCE)`);
});

/** Nothing in a body a client sees may describe the server's insides. */
const expectNoLeak = (body: string) => {
  for (const inside of [
    REPO_DIR,
    'node_modules',
    '.ts:',
    '    at ',
    '"stack"',
    emptyDb,
    '127.0.0.1',
    'prisma',
    'relation',
    'does not exist',
    'SELECT',
    'P2021',
  ]) {
    expect(body.toLowerCase(), `the body mentions ${inside}`).not.toContain(inside.toLowerCase());
  }
};

describe('internal errors', () => {
  it.each([
    ['a tRPC query (adapter)', { url: '/trpc/events.list?input=%7B%7D' }],
    [
      'a tRPC mutation (adapter)',
      {
        method: 'POST' as const,
        url: '/trpc/auth.register',
        payload: {
          name: 'Leak Test',
          email: `leak-${randomUUID()}@example.com`,
          password: STRONG_PASSWORD,
        },
      },
    ],
    [
      'a hot mutation (fast path), failing while it reads the session',
      {
        method: 'POST' as const,
        url: '/trpc/holds.create',
        headers: { cookie: `${config.sessionCookieName}=${generateSessionToken()}` },
        payload: { eventId: randomUUID(), quantity: 1 },
      },
    ],
    ['a plain Fastify route', { url: `/api/venues/${randomUUID()}/layout` }],
  ])('answer %s with a generic message and log the cause', async (_name, request) => {
    const before = logLines.length;
    const response = await app.inject(request);
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatch(/Something went wrong on our side/);
    expectNoLeak(response.body);
    // The operator still learns what failed: the driver's own words are in the log.
    const logged = logLines.slice(before).join('\n');
    expect(logged).toMatch(/"level":50/);
    expect(logged).toMatch(/does not exist/);
  });
});

describe('client errors', () => {
  it.each([
    ['an unknown procedure', { url: '/trpc/no.such.procedure' }],
    ['an unknown route', { url: '/no/such/page.js' }],
    ['a path that climbs out of the web root', { url: '/assets/%2e%2e/%2e%2e/package.json' }],
    [
      'malformed JSON (adapter)',
      {
        method: 'POST' as const,
        url: '/trpc/auth.login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      },
    ],
    [
      'malformed JSON (fast path)',
      {
        method: 'POST' as const,
        url: '/trpc/holds.create',
        headers: { 'content-type': 'application/json' },
        payload: '{"eventId":',
      },
    ],
    [
      'a wrong content type',
      {
        method: 'POST' as const,
        url: '/trpc/auth.login',
        headers: { 'content-type': 'text/xml' },
        payload: '<login/>',
      },
    ],
    [
      'a body over the limit',
      {
        method: 'POST' as const,
        url: '/trpc/auth.login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
      },
    ],
  ])('answer %s with a 4xx that leaks nothing', async (_name, request) => {
    const response = await app.inject(request);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expectNoLeak(response.body);
  });
});
