// Helpers shared by the root start and test scripts (plain Node, run before anything is installed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs a command in the repo root, streaming its output; exits the script if it fails. */
export const run = (command, args, { env = {}, allowFailure = false } = {}) => {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0 && !allowFailure) {
    console.error(
      `\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
};

export const step = (title) => console.log(`\n▶ ${title}`);

/** Installs dependencies on a fresh clone (or when the lockfile is newer than the install). */
export const ensureInstalled = () => {
  if (
    existsSync(`${ROOT}/node_modules/.modules.yaml`) &&
    existsSync(`${ROOT}/packages/db/src/generated/prisma/client.ts`)
  )
    return;
  step('Installing dependencies (pnpm install --frozen-lockfile)');
  run('pnpm', ['install', '--frozen-lockfile']);
};

const portOpen = (host, port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

const SERVICES = [
  {
    name: 'PostgreSQL',
    env: 'DATABASE_URL',
    fallback: 'postgresql://postgres@127.0.0.1:5432/tessera',
    port: 5432,
    start: [
      'sh',
      ['-c', 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'],
    ],
  },
  {
    name: 'Redis',
    env: 'REDIS_URL',
    fallback: 'redis://127.0.0.1:6379/0',
    port: 6379,
    start: [
      'redis-server',
      [
        '--daemonize',
        'yes',
        '--bind',
        '127.0.0.1',
        '-::1',
        '--port',
        '6379',
        '--save',
        '',
        '--appendonly',
        'no',
      ],
    ],
  },
];

/** Checks Postgres and Redis; starts a local one that is down when this machine has it installed. */
export const ensureServices = async () => {
  for (const service of SERVICES) {
    const url = new URL(process.env[service.env] ?? service.fallback);
    const host = url.hostname;
    const port = Number(url.port || service.port);
    if (await portOpen(host, port)) continue;
    const local = host === '127.0.0.1' || host === 'localhost';
    if (local && spawnSync('sh', ['-c', `command -v ${service.start[0]}`]).status === 0) {
      step(`${service.name} is down on ${host}:${port}; starting it`);
      spawnSync(service.start[0], service.start[1], { stdio: 'inherit' });
      for (let i = 0; i < 30 && !(await portOpen(host, port)); i++)
        await new Promise((r) => setTimeout(r, 500));
      if (await portOpen(host, port)) continue;
    }
    console.error(
      `✗ ${service.name} is not reachable at ${host}:${port} (${service.env}). Start it (or run "docker compose up -d postgres redis") and try again.`,
    );
    process.exit(1);
  }
};
