// Creates, migrates and seeds the e2e database (the seed is idempotent, so reruns are cheap).
import { ensureDatabase, migrate } from '@tessera/db/migrate';
import { REPO_DIR } from './e2e-env.ts';
import { runCommand } from './run-command.ts';

export const prepareDatabase = async (databaseUrl: string) => {
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  // The seed's public entry point is its package script; it loads accounts, venues and events.
  // Under `pnpm e2e`, npm_execpath is the running pnpm, which need not be on PATH.
  const execPath = process.env.npm_execpath ?? '';
  const pnpm = /pnpm[^/]*\.c?js$/.test(execPath) ? execPath : undefined;
  await runCommand({
    command: pnpm ? process.execPath : 'pnpm',
    args: [...(pnpm ? [pnpm] : []), '--filter', '@tessera/db', 'seed'],
    cwd: REPO_DIR,
    env: { DATABASE_URL: databaseUrl },
  });
};
