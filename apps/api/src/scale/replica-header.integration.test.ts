// X-Tessera-Replica: each API replica names itself on every response when REPLICA_ID is set (the
// scale test and operators behind nginx count it), and says nothing when it is not.
import { afterAll, describe, expect, it } from 'vitest';
import { ZApiEnv } from '../env.ts';
import { REPLICA_HEADER } from '../plugins/replica-id.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

describe('X-Tessera-Replica', () => {
  it('names the replica from REPLICA_ID on health and tRPC responses', async () => {
    const testApp = await startTestApp({ replicaId: 'api-7' });
    apps.push(testApp);
    const health = await testApp.app.inject({ method: 'GET', url: '/healthz' });
    const trpc = await testApp.app.inject({ method: 'GET', url: '/trpc/auth.me' });
    expect(health.headers[REPLICA_HEADER]).toBe('api-7');
    expect(trpc.headers[REPLICA_HEADER]).toBe('api-7');
  });

  it('sends no header when REPLICA_ID is unset', async () => {
    const testApp = await startTestApp();
    apps.push(testApp);
    const health = await testApp.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.headers[REPLICA_HEADER]).toBeUndefined();
  });

  it('refuses a REPLICA_ID that could not be a header value', () => {
    const parsed = ZApiEnv.safeParse({ REPLICA_ID: 'api 1\r\nX-Evil: 1' });
    expect(parsed.success).toBe(false);
  });
});
