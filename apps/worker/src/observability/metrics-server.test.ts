// The worker's metrics listener over real HTTP: the registry's text on /metrics, a health answer,
// 404 elsewhere, and one clear sentence when its port is taken.
import { pino } from 'pino';
import { Counter, Registry } from 'prom-client';
import { afterAll, expect, it } from 'vitest';
import { startMetricsServer, type MetricsServer } from './metrics-server.ts';

const logger = pino({ level: 'silent' });
const servers: MetricsServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

it('serves /metrics and /healthz, 404 elsewhere, and refuses a taken port clearly', async () => {
  const registry = new Registry();
  new Counter({ name: 'probe_total', help: 'probe', registers: [registry] }).inc(3);
  const server = await startMetricsServer({ registry, port: 0, host: '127.0.0.1', logger });
  servers.push(server);
  const base = `http://127.0.0.1:${server.port}`;

  const metrics = await fetch(`${base}/metrics`);
  expect(metrics.status).toBe(200);
  expect(metrics.headers.get('content-type')).toBe(registry.contentType);
  expect(await metrics.text()).toContain('probe_total 3');
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  expect((await fetch(`${base}/trpc/anything`)).status).toBe(404);
  expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);

  await expect(
    startMetricsServer({ registry, port: server.port, host: '127.0.0.1', logger }),
  ).rejects.toThrow(`WORKER_METRICS_PORT ${server.port} is already in use`);
});
