// The worker as `pnpm --filter @tessera/worker start` runs it, spawned against a test app's Postgres,
// Redis and prefix, its JSON log lines collected so tests can await one and scrape its /metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestApp } from '../testing/test-app.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const workerDir = path.join(repoRoot, 'apps/worker');

export type LogLine = Record<string, unknown> & { level: number; msg?: string };

export type TestWorker = Awaited<ReturnType<typeof spawnTestWorker>>;

export const spawnTestWorker = async (testApp: TestApp) => {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    env: {
      ...process.env,
      DATABASE_URL: testApp.config.databaseUrl,
      REDIS_URL: testApp.config.redisUrl,
      REDIS_PREFIX: testApp.config.redisPrefix,
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      WORKER_METRICS_PORT: '0',
      WORKER_METRICS_HOST: '127.0.0.1',
      // Other test files share this database: the schedule and purge ticks run once, at start.
      WAITING_ROOM_EVERY_MS: '3600000',
      MAINTENANCE_EVERY_MS: '3600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      stderr.push(line);
    }
    for (const wake of waiters) wake();
  });
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  exited.then(() => waiters.forEach((wake) => wake())).catch(() => {});
  /** Resolves with the first log line matching, or fails after timeoutMs with what was seen. */
  const until = async (match: (line: LogLine) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = lines.find(match);
      if (found) return found;
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`worker log line not seen; stderr: ${stderr.join('\n')}`);
      await new Promise<void>((resolve) => {
        waiters.add(resolve);
        setTimeout(resolve, deadline - Date.now());
      }).finally(() => waiters.clear());
    }
  };
  const started = await until((line) => line.msg === 'worker started', 30_000);
  return {
    lines,
    until,
    bullPrefix: String(started.bullPrefix),
    metricsUrl: `http://127.0.0.1:${String(started.metricsPort)}/metrics`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
};
