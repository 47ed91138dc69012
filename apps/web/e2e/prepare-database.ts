// Creates, migrates and seeds the e2e database (the seed is idempotent, so reruns are cheap).
import { ensureDatabase, migrate } from '@tessera/db/migrate';
import { REPO_DIR } from './e2e-env.ts';
import { runCommand } from './run-command.ts';

export const prepareDatabase = async (databaseUrl: string) => {
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  // The seed's public entry point is its package script; it loads accounts, venues and events.
  await runCommand({
    command: 'pnpm',
    args: ['--filter', '@tessera/db', 'seed'],
    cwd: REPO_DIR,
    env: { DATABASE_URL: databaseUrl },
  });
};
