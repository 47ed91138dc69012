// docker-compose.yml: the compose client accepts it (`config -q`, as CI runs it), and the shape the
// other pieces rely on holds — two API replicas behind nginx, k6 only under the `load` profile,
// healthchecks and ordered start-up, mounts that exist, and the same demo secrets as `pnpm start`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPOSE_OPTIONS, renderNginxConf } from '../../../../infra/nginx/render.mjs';
import { demoEnv } from '../../../../scripts/demo-env.mjs';
import { readRepoFile, readRepoYaml, REPO_ROOT, repoPath } from './repo-files.ts';

interface Service {
  image?: string;
  build?: { target?: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  volumes?: string[];
  command?: string[];
}
const compose = readRepoYaml<{ services: Record<string, Service> }>('docker-compose.yml');
const { services } = compose;

/** `docker-compose` (Debian's client, which .ci/run installs) or Docker's `docker compose`. */
const composeClient = (): string[] | null => {
  for (const command of [['docker-compose'], ['docker', 'compose']]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
};

describe('docker-compose.yml', () => {
  it('passes `docker-compose config -q`', () => {
    const client = composeClient();
    if (!client)
      throw new Error('no compose client: apt-get install -y docker-compose (.ci/run does)');
    const result = spawnSync(
      client[0]!,
      [...client.slice(1), '-f', 'docker-compose.yml', 'config', '-q'],
      // A clean environment: the file's own defaults are what is validated.
      { cwd: REPO_ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs two API replicas from the api image, each naming itself, behind nginx', () => {
    const replicas = ['api-1', 'api-2'].map((name) => services[name]!);
    for (const [i, replica] of replicas.entries()) {
      expect(replica.build?.target).toBe('api');
      expect(replica.environment?.REPLICA_ID).toBe(`api-${i + 1}`);
      expect(replica.environment?.PORT).toBe('3000');
      expect(replica.environment?.TRUST_PROXY).toBeTruthy();
      expect(replica.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    }
    expect(replicas[0]!.image).toBe(replicas[1]!.image);
    expect(Object.keys(services).filter((name) => services[name]!.build?.target === 'api')).toEqual(
      ['api-1', 'api-2'],
    );
    expect(services.nginx!.depends_on).toEqual({
      'api-1': { condition: 'service_healthy' },
      'api-2': { condition: 'service_healthy' },
    });
  });

  it('gives nginx the config rendered from the shared template, upstreams = the replicas', () => {
    expect(services.nginx!.volumes).toContain(
      './infra/nginx/compose.conf:/etc/nginx/tessera.conf:ro',
    );
    expect(COMPOSE_OPTIONS.upstreams).toEqual(['api-1:3000', 'api-2:3000']);
    // Stale when the template changed without `node infra/nginx/render.mjs`.
    expect(readRepoFile('infra/nginx/compose.conf')).toBe(renderNginxConf(COMPOSE_OPTIONS));
  });

  it('keeps k6 under the `load` profile only, pointed at nginx with ./k6 mounted', () => {
    const profiled = Object.entries(services).filter(([, s]) => s.profiles);
    expect(profiled.map(([name]) => name)).toEqual(['k6']);
    expect(services.k6!.profiles).toEqual(['load']);
    expect(services.k6!.environment?.BASE_URL).toBe(`http://nginx:${COMPOSE_OPTIONS.listen}`);
    expect(services.k6!.volumes).toContain('./k6:/k6');
  });

  it('health-checks every long-running service and starts each after what it needs', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'migrate' || name === 'k6') continue;
      expect(service.healthcheck?.test.length, name).toBeGreaterThan(0);
    }
    expect(services.migrate!.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(services.worker!.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(services.migrate!.build?.target).toBe('migrate');
    expect(services.worker!.build?.target).toBe('worker');
  });

  it('scrapes what compose runs (worker metrics port, both replicas) and graphs it', () => {
    const prometheus = readRepoFile('infra/prometheus/prometheus.yml');
    const workerPort = services.worker!.environment?.WORKER_METRICS_PORT;
    expect(prometheus).toContain(`worker:${workerPort}`);
    for (const replica of ['api-1', 'api-2']) expect(prometheus).toContain(`${replica}:3000`);
    // Grafana reads the compose Prometheus by service name.
    expect(readRepoFile('infra/grafana/provisioning/datasources/prometheus.yml')).toContain(
      'url: http://prometheus:9090',
    );
    expect(services.grafana!.depends_on?.prometheus?.condition).toBe('service_healthy');
  });

  it('mounts only files that exist in the repository', () => {
    const mounts = Object.values(services)
      .flatMap((s) => s.volumes ?? [])
      .filter((v) => v.startsWith('./'))
      .map((v) => v.split(':')[0]!);
    expect(mounts.length).toBeGreaterThan(0);
    for (const mount of mounts) expect(existsSync(repoPath(mount)), mount).toBe(true);
  });

  it('defaults the secrets to the demo values `pnpm start` uses', () => {
    const demo = demoEnv(3000);
    for (const name of ['TICKET_SIGNING_SECRET', 'ADMISSION_TOKEN_SECRET']) {
      for (const service of ['api-1', 'api-2', 'worker', 'migrate'])
        expect(services[service]!.environment?.[name]).toBe(`\${${name}:-${demo[name]}}`);
    }
  });
});
