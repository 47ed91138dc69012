// Behind nginx the API counts per-IP limits on the fan's address, not nginx's: with
// TRUST_PROXY=loopback (as `pnpm scale` sets it) and the shared nginx template in front, failed
// sign-ins from one client address use up that address's budget only, and a client cannot reset
// it by sending its own X-Forwarded-For. Clients bind distinct loopback addresses (127.0.0.x).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxProcess } from '../../../../scripts/scale.mjs';
import { startTestApp, uniqueEmail, type TestApp } from '../testing/test-app.ts';

const NGINX_PORT = 4341;
const PER_IP = 3;
let testApp: TestApp;
let nginx: NginxProcess;

beforeAll(async () => {
  testApp = await startTestApp({
    trustProxy: 'loopback',
    loginLimits: { maxFailuresPerAccount: 100, maxFailuresPerIp: PER_IP, windowSeconds: 900 },
  });
  const apiUrl = await testApp.listen();
  nginx = startNginx({
    port: NGINX_PORT,
    upstreams: [apiUrl.replace('http://', '')],
    output: 'quiet',
  });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${nginx.url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not start:\n${nginx.stderr()}`);
});

afterAll(async () => {
  await nginx?.stop();
  await testApp?.close();
});

/** A failed sign-in through nginx from `from`; resolves with the HTTP status. */
const failedLogin = (from: string, headers: Record<string, string> = {}) =>
  new Promise<number>((resolve, reject) => {
    const body = JSON.stringify({ email: uniqueEmail('nobody'), password: 'wrong-password-1' });
    const request = http.request(
      `${nginx.url}/trpc/auth.login`,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });

describe('client IPs behind nginx', () => {
  it("limits failed sign-ins per fan address, not per nginx's", async () => {
    for (let i = 0; i < PER_IP; i++) expect(await failedLogin('127.0.0.2')).toBe(401);
    expect(await failedLogin('127.0.0.2')).toBe(429);
    // Another fan behind the same nginx still has its whole budget.
    expect(await failedLogin('127.0.0.3')).toBe(401);
  });

  it('ignores an X-Forwarded-For the client sends itself', async () => {
    for (let i = 0; i < PER_IP; i++) expect(await failedLogin('127.0.0.4')).toBe(401);
    const spoofed = await failedLogin('127.0.0.4', { 'x-forwarded-for': '127.0.0.99' });
    expect(spoofed).toBe(429);
  });
});
