// Starts the real API (production mode, serving the built web app) on a free port, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { DIST_DIR, REPO_DIR, RESULTS_DIR } from './e2e-env.ts';

const API_DIR = path.join(REPO_DIR, 'apps/api');
const READY_TIMEOUT_MS = 60_000;

const findFreePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No port')),
      );
    });
  });

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Polls /readyz (Postgres and Redis reachable) until it answers 200, or the process dies. */
const waitUntilReady = async (baseUrl: string, child: ChildProcess) => {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The API exited with code ${child.exitCode}; see test-results/api.log.`);
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `The API did not become ready within ${READY_TIMEOUT_MS / 1000}s; see test-results/api.log.`,
  );
};

export interface RunningApi {
  baseUrl: string;
  /** The API's REDIS_PREFIX, so tests can drive the worker's functions on the same keys. */
  redisPrefix: string;
  stop: () => Promise<void>;
}

export const startApi = async ({
  databaseUrl,
  redisUrl,
}: {
  databaseUrl: string;
  redisUrl: string;
}): Promise<RunningApi> => {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const redisPrefix = `e2e-${randomUUID().slice(0, 8)}:`;
  const tsxCli = createRequire(path.join(API_DIR, 'package.json')).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsxCli, 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TICKET_SIGNING_SECRET: 'e2e-ticket-signing-secret-not-for-real-use',
      ADMISSION_TOKEN_SECRET: 'e2e-admission-token-secret-not-for-real-use',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_ORIGIN: baseUrl,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      WEB_DIST_DIR: DIST_DIR,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(path.join(RESULTS_DIR, 'api.log'));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  try {
    await waitUntilReady(baseUrl, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, redisPrefix, stop };
};
