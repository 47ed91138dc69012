// Test support for the k6 suite: the real API and worker as child processes on loopback (lane
// ports 4100-4199), the load setup/teardown commands, and k6 scripts run through the shim
// (k6/runner/run.mjs) or the real k6 binary when it is on PATH.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../../..');
export const K6_DIR = path.join(REPO_ROOT, 'k6');
const API_DIR = path.join(REPO_ROOT, 'apps/api');
const WORKER_DIR = path.join(REPO_ROOT, 'apps/worker');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, collecting its output (never rejects on a non-zero exit). */
export const runCommand = (
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
) =>
  new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

export const k6OnPath = () => spawnSync('k6', ['version'], { stdio: 'ignore' }).status === 0;

const waitForReady = async (url: string, child: ChildProcess, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
};

/** The first port in [from, to] nothing listens on (this lane's range: 4100-4199). */
export const freePort = async (from: number, to: number): Promise<number> => {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
};

/** The API (on `port`) and the worker, sharing the environment's Postgres and a Redis prefix. */
export const startStack = async ({ port, env }: { port: number; env: NodeJS.ProcessEnv }) => {
  const logs: string[] = [];
  const start = (cwd: string, entry: string, extra: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd,
      env: { ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    return child;
  };
  const api = start(API_DIR, 'src/server.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    WEB_DIST_DIR: '/nonexistent-web-dist',
  });
  const worker = start(WORKER_DIR, 'src/main.ts', {
    WORKER_METRICS_PORT: '0',
    WORKER_METRICS_HOST: '127.0.0.1',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(`${baseUrl}/readyz`, api, 60_000);
  } catch (error) {
    api.kill('SIGKILL');
    worker.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${logs.join('')}`);
  }
  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return {
    baseUrl,
    logs,
    stop: () => Promise.all([stop(api), stop(worker)]),
  };
};

/** `pnpm load:setup` / `pnpm load:teardown`, as the root scripts run them. */
export const loadCommand = (
  name: 'load-setup' | 'load-teardown',
  args: string[],
  env: NodeJS.ProcessEnv,
) =>
  runCommand(process.execPath, ['--import', 'tsx', `src/load/${name}.ts`, ...args], {
    cwd: API_DIR,
    env,
  });

/** A k6 script through the shim (or k6 itself), from the k6/ directory. */
export const runK6Script = (
  runner: 'shim' | 'k6',
  script: string,
  { env, shimArgs = [] }: { env: Record<string, string>; shimArgs?: string[] },
) => {
  const vars = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  return runner === 'shim'
    ? runCommand(process.execPath, ['runner/run.mjs', ...shimArgs, ...vars, script], {
        cwd: K6_DIR,
        env: process.env,
      })
    : runCommand('k6', ['run', '--quiet', ...vars, script], { cwd: K6_DIR, env: process.env });
};
