// Process helpers for the fault tests: SIGKILL a process and every process under it (a replica
// started through tsx's CLI runs the server in a child of the pid startScale reports), and the
// real worker (apps/worker/src/main.ts) as a child process that can be killed and started again.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER_DIR = fileURLToPath(new URL('../../../worker', import.meta.url));

const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
};

/** SIGKILLs `pid` and all its descendants at once (no process gets to clean up). */
export const sigkillTree = (pid: number) => {
  const all: number[] = [];
  const walk = (p: number) => {
    all.push(p);
    for (const child of childrenOf(p)) walk(child);
  };
  walk(pid);
  for (const p of all) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return all;
};

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** Lines the worker logged (JSON), for the report and for failures. */
  log: () => string;
}

/** Starts the real worker in its own process; resolves once it logged "worker started". */
export const startWorker = async (
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<WorkerProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: WORKER_DIR,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not started:\n${log}`)), timeoutMs);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`worker exited early (${child.exitCode}):\n${log}`));
    });
    const onData = () => {
      if (log.includes('worker started')) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
  });
  return { child, exited, log: () => log };
};

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the worker has exited. */
export const stopWorker = async (worker: WorkerProcess | undefined, graceMs = 10_000) => {
  if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), graceMs);
  await worker.exited;
  clearTimeout(timer);
};
