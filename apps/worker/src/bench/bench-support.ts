// Helpers for the reconciliation benchmark: the real worker as a child process, a poller of the
// event's reconciliation cursor, and percentiles.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@tessera/db/client';

const workerDir = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `src/main.ts` and resolves once it logged that it started. */
export const startWorkerProcess = async ({ env }: { env: NodeJS.ProcessEnv }) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    env: { LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (env.BENCH_WORKER_LOG) process.stderr.write(chunk);
      if (chunk.toString().includes('worker started')) resolve();
    });
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};

/** Polls the cursor; remembers when each applied version was first seen. */
export const trackCursor = ({
  prisma,
  eventId,
  everyMs,
}: {
  prisma: PrismaClient;
  eventId: string;
  everyMs: number;
}) => {
  const seen: Array<{ at: number; version: number }> = [];
  let last = 0;
  const poll = async () => {
    const row = await prisma.eventSeatCursor.findUnique({ where: { eventId } });
    const version = Number(row?.appliedVersion ?? 0);
    if (version > last) seen.push({ at: Date.now(), version: (last = version) });
  };
  const timer = setInterval(() => void poll(), everyMs);
  return {
    reached: async (version: number, timeoutMs: number) => {
      const until = Date.now() + timeoutMs;
      while (last < version) {
        if (Date.now() > until) throw new Error(`cursor stuck at ${last} < ${version}`);
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    },
    /** Lag of each version in `doneAt` (version -> ms): first poll that saw the cursor past it. */
    lagsOf: (doneAt: Map<number, number>) => {
      const versions = [...doneAt.keys()].sort((a, b) => a - b);
      const lags: number[] = [];
      let i = 0;
      for (const step of seen) {
        for (; i < versions.length && versions[i]! <= step.version; i++) {
          lags.push(step.at - doneAt.get(versions[i]!)!);
        }
      }
      return lags.sort((a, b) => a - b);
    },
    stop: () => clearInterval(timer),
  };
};

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
