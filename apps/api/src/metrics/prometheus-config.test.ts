// Prometheus (infra/prometheus) scrapes both API replicas and the worker of the compose file on the
// ports they listen on, and Grafana's provisioned datasource is that Prometheus.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ZApiEnv } from '../env.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

describe('Prometheus and Grafana configuration', () => {
  it('Prometheus scrapes both API replicas and the worker on their ports', () => {
    const config = parseYaml(read('infra/prometheus/prometheus.yml')) as {
      scrape_configs: Array<{
        job_name: string;
        metrics_path?: string;
        static_configs: Array<{ targets: string[] }>;
      }>;
    };
    const targets = Object.fromEntries(
      config.scrape_configs.map((job) => [
        job.job_name,
        {
          path: job.metrics_path ?? '/metrics',
          targets: job.static_configs.flatMap((s) => s.targets),
        },
      ]),
    );
    const apiPort = ZApiEnv.parse({}).PORT;
    expect(targets).toEqual({
      'tessera-api': { path: '/metrics', targets: [`api-1:${apiPort}`, `api-2:${apiPort}`] },
      'tessera-worker': { path: '/metrics', targets: ['worker:9464'] },
    });
    const datasource = parseYaml(read('infra/grafana/provisioning/datasources/prometheus.yml')) as {
      datasources: Array<{ uid: string; url: string }>;
    };
    expect(datasource.datasources[0]).toMatchObject({
      uid: 'tessera-prometheus',
      url: 'http://prometheus:9090',
    });
  });
});
