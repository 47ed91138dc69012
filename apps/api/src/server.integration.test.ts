// Start-up with Postgres or Redis unreachable: one clear sentence on stderr, exit code 1, no stack.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const startServer = (env: Record<string, string>) =>
  new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });

/** Starts with working services, waits for the listening log line, sends `signal`, reports the exit. */
const startAndStop = (signal: NodeJS.Signals) =>
  new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        NODE_ENV: 'production',
        TICKET_SIGNING_SECRET: 'shutdown-test-ticket-signing-secret-0123456789',
        ADMISSION_TOKEN_SECRET: 'shutdown-test-admission-token-secret-0123456789',
        WEB_DIST_DIR: '/nonexistent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!signalled && stdout.includes('Server listening at')) signalled = child.kill(signal);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout }));
  });

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('server start-up checks', () => {
  it('names Postgres, the address and how to start it when it is unreachable', async () => {
    const { code, stderr } = await startServer({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/tessera_test',
    });
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(
        /^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\): start it, e\.g\. /,
      ),
    ]);
  });

  it('names Redis, the address and how to start it when it is unreachable', async () => {
    const { code, stderr } = await startServer({ REDIS_URL: 'redis://127.0.0.1:1/0' });
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(
        /^Cannot reach Redis at 127\.0\.0\.1:1 \(REDIS_URL\): start it, e\.g\. /,
      ),
    ]);
  });

  it('lists the invalid variables when the environment is malformed', async () => {
    const { code, stderr } = await startServer({ PORT: 'not-a-port' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('graceful shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('closes and exits 0 on %s', async (signal) => {
    const { code, stdout } = await startAndStop(signal);
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"shutting down"');
  });
});
