// Private Postgres and Redis servers for fault tests: started in a temp dir on our own ports, so a
// test may restart them (or hold locks on them) without touching the shared 5432/6379.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { migrate } from '@tessera/db/migrate';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PG_BIN = '/usr/lib/postgresql/15/bin';
const asPostgres = (command: string, args: string[]) =>
  process.getuid?.() === 0
    ? run('runuser', ['-u', 'postgres', '--', command, ...args])
    : run(command, args);

export interface PrivatePostgres {
  url: string;
  /** Stops Postgres (terminating every connection) and starts it again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const startPrivatePostgres = async (port: number): Promise<PrivatePostgres> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tessera-pg-'));
  await chmod(dir, 0o777);
  const data = path.join(dir, 'data');
  await asPostgres(`${PG_BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-N']);
  const pgCtl = (...args: string[]) =>
    asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, '-w', '-l', path.join(dir, 'log'), ...args]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  await pgCtl('-o', options, 'start');
  await run(`${PG_BIN}/createdb`, [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    'tessera',
  ]);
  const url = `postgresql://postgres@127.0.0.1:${port}/tessera`;
  await migrate(url);
  return {
    url,
    restart: async () => {
      await pgCtl('-m', 'fast', 'stop');
      await pgCtl('-o', options, 'start');
    },
    stop: async () => {
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
};

export interface PrivateRedis {
  url: string;
  /** Shuts Redis down without saving: when started again it is empty. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const startPrivateRedis = async (port: number): Promise<PrivateRedis> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tessera-redis-'));
  const start = async () => {
    await run('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'yes',
      '--dir',
      dir,
      '--logfile',
      path.join(dir, 'log'),
    ]);
    for (let i = 0; i < 100; i++) {
      if (await ping()) return;
      await sleep(50);
    }
    throw new Error(`private Redis on ${port} did not start`);
  };
  const ping = () =>
    run('redis-cli', ['-p', String(port), 'ping']).then(
      ({ stdout }) => stdout.includes('PONG'),
      () => false,
    );
  // Returns once the port is free, so a start right after binds it afresh.
  const shutdown = async () => {
    await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(() => undefined);
    for (let i = 0; i < 100 && (await ping()); i++) await sleep(50);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: async () => void (await shutdown()),
    start,
    stop: async () => {
      await shutdown();
      await rm(dir, { recursive: true, force: true });
    },
  };
};
