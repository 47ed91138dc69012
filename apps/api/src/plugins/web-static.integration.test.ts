// The built web app is served from the API's own URL, with index.html for client-side routes.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const INDEX_HTML = '<!doctype html><title>Tessera test shell</title>';
let testApp: TestApp;

beforeAll(async () => {
  const webDistDir = mkdtempSync(path.join(tmpdir(), 'tessera-web-'));
  mkdirSync(path.join(webDistDir, 'assets'));
  writeFileSync(path.join(webDistDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(webDistDir, 'assets', 'app.js'), 'console.log("tessera")');
  testApp = await startTestApp({ webDistDir });
});

afterAll(async () => {
  await testApp.close();
});

describe('web app serving', () => {
  it('serves index.html at / and for client-side routes', async () => {
    for (const url of ['/', '/events', '/events/123?q=jazz']) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toBe(INDEX_HTML);
    }
  });

  it('serves built assets', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("tessera")');
  });

  it('keeps API paths and non-GET requests out of the fallback', async () => {
    const metrics = await testApp.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).not.toContain('<html');
    expect((await testApp.app.inject({ method: 'GET', url: '/metrics/extra' })).statusCode).toBe(
      404,
    );
    expect((await testApp.app.inject({ method: 'GET', url: '/healthz/extra' })).statusCode).toBe(
      404,
    );
    const unknownApi = await testApp.app.inject({ method: 'GET', url: '/api/nope' });
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.body).not.toContain('<html');
    expect((await testApp.app.inject({ method: 'POST', url: '/events' })).statusCode).toBe(404);
    expect(
      (await testApp.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode,
    ).toBe(404);
    const trpc = await testApp.app.inject({ method: 'GET', url: '/trpc/nope.missing' });
    expect(trpc.headers['content-type']).toContain('application/json');
    expect(trpc.statusCode).toBe(404);
  });
});
