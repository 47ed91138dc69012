// `pnpm scale -- --replicas N [--port 4300]`: Tessera scaled out on one box without Docker — N API
// replicas (ports PORT+1..PORT+N), the worker and Debian's nginx (PORT) on loopback against
// DATABASE_URL / REDIS_URL, using the same nginx template as docker compose. Ctrl+C stops it all.
// `startScale` is what the scale test uses.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { renderNginxConf } from '../infra/nginx/render.mjs';
import { demoEnv } from './demo-env.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const READY_TIMEOUT_MS = 120_000;
// Debian installs nginx in /usr/sbin, which is not on every user's PATH.
const NGINX_BIN =
  process.env.NGINX_BIN ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');

const portFree = (port) =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const exited = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

const answers = (url) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (r) => r.ok,
    () => false,
  );

/**
 * Debian's nginx as a non-daemon child on 127.0.0.1:port, from the shared template, with its own
 * prefix (config, pid, temp dirs, error log) in a temporary directory.
 * @param {{ port: number, upstreams: string[], output?: 'inherit' | 'quiet' }} options
 */
export const startNginx = ({ port, upstreams, output = 'inherit' }) => {
  const prefix = mkdtempSync(path.join(tmpdir(), 'tessera-nginx-'));
  // nginx's workers drop root: they must reach the temp dirs the master creates here.
  chmodSync(prefix, 0o755);
  const confPath = path.join(prefix, 'nginx.conf');
  const errorLog = path.join(prefix, 'error.log');
  writeFileSync(
    confPath,
    renderNginxConf({
      listen: `127.0.0.1:${port}`,
      upstreams,
      runtimeDir: prefix,
      errorLog,
      accessLog: 'off',
      workerProcesses: '1',
    }),
  );
  const child = spawn(NGINX_BIN, ['-c', confPath, '-p', prefix, '-e', errorLog], {
    stdio: output === 'inherit' ? 'inherit' : ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr = (stderr + String(c)).slice(-4_000)));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
};

/**
 * Starts N API replicas, the worker and nginx on loopback; resolves once all answer.
 * @param {import('./scale.d.mts').ScaleOptions} options
 * @returns {Promise<import('./scale.d.mts').ScaleStack>}
 */
export const startScale = async ({
  replicas = 2,
  port = 4300,
  databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera',
  redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  redisPrefix = process.env.REDIS_PREFIX ?? 'tessera:',
  env = {},
  output = 'inherit',
  worker = true,
} = {}) => {
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 48)
    throw new Error(`--replicas must be an integer from 1 to 48 (got ${replicas})`);
  if (spawnSync(NGINX_BIN, ['-v']).status !== 0)
    throw new Error('nginx is not installed: apt-get install -y nginx');
  const url = `http://127.0.0.1:${port}`;
  const apiPorts = Array.from({ length: replicas }, (_, i) => port + 1 + i);
  const workerMetricsPort = port + 49;
  for (const p of [port, ...apiPorts, ...(worker ? [workerMetricsPort] : [])]) {
    if (!(await portFree(p)))
      throw new Error(`port ${p} is in use: stop what holds it or pick --port`);
  }

  const shared = {
    ...process.env,
    ...demoEnv(port),
    PUBLIC_ORIGIN: url,
    // Only nginx on loopback may set X-Forwarded-For: fans' IPs for the per-IP limits.
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    WORKER_METRICS_PORT: String(workerMetricsPort),
    ...env,
  };
  const children = [];
  const spawnChild = (name, cwd, entry, childEnv) => {
    const child = spawn(process.execPath, [TSX_CLI, entry], {
      cwd: path.join(ROOT, cwd),
      env: childEnv,
      stdio: output === 'inherit' ? 'inherit' : ['ignore', 'ignore', 'pipe'],
    });
    const record = { name, child, stderr: '' };
    child.stderr?.on('data', (c) => (record.stderr = (record.stderr + String(c)).slice(-4_000)));
    children.push(record);
    return record;
  };

  const apis = apiPorts.map((apiPort, i) => {
    const id = `api-${i + 1}`;
    const record = spawnChild(id, 'apps/api', 'src/server.ts', {
      ...shared,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      REPLICA_ID: id,
    });
    return { id, url: `http://127.0.0.1:${apiPort}`, pid: record.child.pid };
  });
  const workerRecord = worker ? spawnChild('worker', 'apps/worker', 'src/main.ts', shared) : null;

  const nginx = startNginx({
    port,
    upstreams: apis.map((a) => a.url.replace('http://', '')),
    output,
  });
  children.push({
    name: 'nginx',
    child: nginx.child,
    get stderr() {
      return nginx.stderr();
    },
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const { child } of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    const killLater = setTimeout(() => {
      for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
    }, 15_000);
    await Promise.all(children.map(({ child }) => exited(child)));
    clearTimeout(killLater);
    await nginx.stop();
  };

  // Ready: every replica's /readyz, nginx, /readyz through nginx, and the worker's metrics port
  // when this worker has one.
  const workerHasMetrics = readFileSync(path.join(ROOT, 'apps/worker/src/env.ts'), 'utf8').includes(
    'WORKER_METRICS_PORT',
  );
  const checks = [
    ...apis.map((a) => `${a.url}/readyz`),
    `${url}/nginx-health`,
    `${url}/readyz`,
    ...(worker && workerHasMetrics ? [`http://127.0.0.1:${workerMetricsPort}/healthz`] : []),
  ];
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (const check of checks) {
    while (!(await answers(check))) {
      const dead = children.find(({ child }) => child.exitCode !== null);
      if (dead || Date.now() > deadline) {
        const why = dead ? `${dead.name} exited (${dead.child.exitCode})` : `${check} not ready`;
        const logs = children.map((c) => (c.stderr ? `--- ${c.name}\n${c.stderr}` : '')).join('');
        await stop();
        throw new Error(`scale stack failed to start: ${why}\n${logs}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    url,
    replicas: apis,
    workerPid: workerRecord?.child.pid ?? null,
    workerMetricsUrl: worker && workerHasMetrics ? `http://127.0.0.1:${workerMetricsPort}` : null,
    nginxPid: nginx.child.pid,
    stop,
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      replicas: { type: 'string', default: '2' },
      port: { type: 'string', default: '4300' },
    },
  });
  const { ensureInstalled, ensureServices, run, step } = await import('./lib.mjs');
  ensureInstalled();
  await ensureServices();
  step('Migrating the database');
  run('pnpm', ['db:migrate']);
  step(`Starting ${values.replicas} API replica(s), the worker and nginx`);
  let stack;
  try {
    stack = await startScale({ replicas: Number(values.replicas), port: Number(values.port) });
  } catch (error) {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  }
  // Prometheus on loopback (infra/prometheus/prometheus.loopback.yml) picks these lists up.
  const targetsDir = path.join(ROOT, 'infra/prometheus/targets');
  const targetFiles = existsSync(targetsDir)
    ? [
        ['api-scale.json', stack.replicas.map((r) => r.url.replace('http://', ''))],
        ['worker-scale.json', [`127.0.0.1:${Number(values.port) + 49}`]],
      ].map(([name, targets]) => {
        const file = path.join(targetsDir, name);
        writeFileSync(file, `${JSON.stringify([{ targets, labels: { stack: 'scale' } }])}\n`);
        return file;
      })
    : [];
  const shutdown = () =>
    void stack.stop().then(() => {
      for (const file of targetFiles) rmSync(file, { force: true });
      process.exit(0);
    });
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.stdout.write(
    `\n  Tessera behind nginx on ${stack.url}\n` +
      stack.replicas.map((r) => `    ${r.id}  ${r.url}\n`).join('') +
      (stack.workerMetricsUrl ? `    worker metrics  ${stack.workerMetricsUrl}/metrics\n` : '') +
      (targetFiles.length > 0 ? `    Prometheus targets  ${targetFiles.join(', ')}\n` : '') +
      '  Press Ctrl+C to stop.\n',
  );
}
