// /healthz answers while the process lives; /readyz says which dependency is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createPrismaClient } from '@tessera/db/client';
import { buildApp } from '../app.ts';
import { startTestApp, testConfig, type TestApp } from '../testing/test-app.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
});

afterAll(async () => {
  await testApp.close();
});

describe('health endpoints', () => {
  it('GET /healthz is 200 ok and echoes a request id', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'probe-123' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['x-request-id']).toBe('probe-123');
  });

  it('generates a request id when none (or a hostile one) is sent', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /readyz is 200 when Postgres and Redis answer', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('GET /readyz is 503 naming the dependency that is down', async () => {
    // Port 1 on loopback refuses connections: a Postgres and a Redis that are "down".
    const prisma = createPrismaClient({
      databaseUrl: 'postgresql://postgres@127.0.0.1:1/tessera_test',
    });
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => {});
    const app = await buildApp({ prisma, redis, config: testConfig(), logger: false });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      status: 'unavailable',
      checks: { postgres: 'unavailable', redis: 'unavailable' },
    });
    const healthz = await app.inject({ method: 'GET', url: '/healthz' });
    expect(healthz.statusCode).toBe(200);

    // Procedures answer 503 with a retry hint instead of a 500 that looks like a bug.
    for (const url of ['/trpc/events.list?input=%7B%7D', '/trpc/auth.me']) {
      const cookies = { [testApp.config.sessionCookieName]: 'a'.repeat(32) };
      const procedure = await app.inject({ method: 'GET', url, cookies });
      expect(procedure.statusCode).toBe(503);
      expect(procedure.headers['retry-after']).toBe('5');
      expect(procedure.json().error.data.appError).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: 5,
      });
    }
    await app.close();
    redis.disconnect();
    await prisma.$disconnect();
  });
});
