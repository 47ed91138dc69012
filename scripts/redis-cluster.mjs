// A 3-master Redis Cluster on loopback (ports 7101-7103) for the cluster test step and local runs.
// `node scripts/redis-cluster.mjs [start]` reuses a healthy running cluster, else wipes and recreates
// it; `stop` shuts the three nodes down. Prints the REDIS_URL to use: redis-cluster://127.0.0.1:7101.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv[2] ?? 'start';
  if (command === 'stop') {
    stopCluster();
    console.log('Redis Cluster stopped');
  } else if (command === 'start') {
    console.log(await startCluster());
  } else {
    console.error('usage: node scripts/redis-cluster.mjs [start|stop]');
    process.exit(2);
  }
}
