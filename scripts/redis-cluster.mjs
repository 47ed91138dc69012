// A 3-master Redis Cluster on loopback (ports 7101-7103) for the cluster test step and local runs.
// `node scripts/redis-cluster.mjs [start]` reuses a healthy running cluster, else wipes and recreates
// it, and prints the REDIS_URL to use (redis-cluster://127.0.0.1:7101); `stop` shuts the nodes down;
// `test` starts it, runs the cluster test files against it (TEST_REDIS_URL), and stops it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PORTS = [7101, 7102, 7103];
const DIR = process.env.REDIS_CLUSTER_DIR ?? join(tmpdir(), 'tessera-redis-cluster');
export const CLUSTER_URL = `redis-cluster://127.0.0.1:${PORTS[0]}`;

const cli = (port, ...args) =>
  spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8' });

const clusterInfo = (port) => {
  const result = cli(port, 'cluster', 'info');
  return result.status === 0 ? result.stdout : '';
};

/** Every node answers, sees the whole cluster, and says its state is ok. */
const healthy = () =>
  PORTS.every((port) => {
    const info = clusterInfo(port);
    return /cluster_state:ok/.test(info) && /cluster_known_nodes:3\b/.test(info);
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const stopCluster = () => {
  for (const port of PORTS) cli(port, 'shutdown', 'nosave');
};

export const startCluster = async () => {
  if (healthy()) return CLUSTER_URL;
  stopCluster();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const port of PORTS) {
    // Wait for a previous node on this port to be gone before starting a fresh one.
    for (let i = 0; i < 50 && cli(port, 'ping').status === 0; i += 1) await sleep(100);
    const started = spawnSync(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(DIR, `nodes-${port}.conf`),
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'yes',
        '--dir',
        DIR,
        '--logfile',
        join(DIR, `redis-${port}.log`),
      ],
      { encoding: 'utf8' },
    );
    if (started.error) {
      throw new Error(
        `Cannot run redis-server (${started.error.message}): install Redis 7, e.g. "apt-get install redis-server".`,
      );
    }
    if (started.status !== 0) throw new Error(`redis-server on ${port} failed: ${started.stderr}`);
  }
  for (const port of PORTS) {
    for (let i = 0; cli(port, 'ping').stdout.trim() !== 'PONG'; i += 1) {
      if (i > 100) throw new Error(`redis-server on ${port} did not answer; see ${DIR}`);
      await sleep(50);
    }
  }
  const created = spawnSync(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...PORTS.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ],
    { encoding: 'utf8' },
  );
  if (created.status !== 0)
    throw new Error(`cluster create failed: ${created.stdout}${created.stderr}`);
  for (let i = 0; !healthy(); i += 1) {
    if (i > 200) throw new Error('the cluster did not reach cluster_state:ok within 20 s');
    await sleep(100);
  }
  return CLUSTER_URL;
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The integration tests that must pass unchanged on the cluster: every one under these folders
 * (holds and waiting room, in core and through the API), the seat map's stream, and the BullMQ
 * workers that drive them.
 */
const CLUSTER_SUITES = [
  {
    dir: 'packages/core',
    folders: ['src/infra', 'src/holds', 'src/waiting-room', 'src/reconciliation', 'src/cache'],
  },
  {
    dir: 'apps/api',
    folders: ['src/trpc/routers/holds', 'src/trpc/routers/waiting-room'],
    // The seat map's change stream, read by one process and across processes.
    files: [
      'src/trpc/routers/seats/on-change.integration.test.ts',
      'src/trpc/routers/seats/cross-process.integration.test.ts',
    ],
  },
  {
    dir: 'apps/worker',
    files: [
      'src/processors/seat-sync.integration.test.ts',
      'src/processors/waiting-room-tick.integration.test.ts',
    ],
  },
];
export const CLUSTER_REPORT = 'test-results/vitest-cluster.json';

const integrationTests = (dir, folder) =>
  readdirSync(join(ROOT, dir, folder), { recursive: true })
    .filter((name) => name.endsWith('.integration.test.ts'))
    .map((name) => join(folder, name))
    .sort();

/** Runs every cluster suite (each package's own vitest, its report in CLUSTER_REPORT). */
const runClusterTests = async () => {
  const url = await startCluster();
  let status = 0;
  try {
    for (const suite of CLUSTER_SUITES) {
      const files = [
        ...(suite.folders ?? []).flatMap((folder) => integrationTests(suite.dir, folder)),
        ...(suite.files ?? []),
      ];
      console.log(`\n${suite.dir}: ${files.length} files on ${url}`);
      const result = spawnSync('pnpm', ['exec', 'vitest', 'run', ...files], {
        cwd: join(ROOT, suite.dir),
        stdio: 'inherit',
        env: { ...process.env, TEST_REDIS_URL: url, VITEST_JSON_REPORT: CLUSTER_REPORT },
      });
      if (result.status !== 0) status = result.status ?? 1;
    }
  } finally {
    stopCluster();
  }
  return status;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv[2] ?? 'start';
  if (command === 'stop') {
    stopCluster();
    console.log('Redis Cluster stopped');
  } else if (command === 'start') {
    console.log(await startCluster());
  } else if (command === 'test') {
    process.exit(await runClusterTests());
  } else {
    console.error('usage: node scripts/redis-cluster.mjs [start|stop|test]');
    process.exit(2);
  }
}
