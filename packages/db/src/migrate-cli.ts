// `pnpm db:migrate`: creates the database if needed and applies pending migrations.
import { ZDatabaseEnv, loadEnv } from '@tessera/config/env';
import { ensureDatabase, migrate } from './migrate.ts';
import { describeConnectionError } from './connection-error.ts';

const { DATABASE_URL } = loadEnv(ZDatabaseEnv);
try {
  await ensureDatabase(DATABASE_URL);
  const { applied, alreadyApplied } = await migrate(DATABASE_URL);
  console.warn(`Migrations: ${applied.length} applied, ${alreadyApplied.length} already applied.`);
} catch (error) {
  // Connection problems carry a code and become one sentence; the runner's own refusals (a
  // modified or failing migration) are already sentences.
  const hasCode = typeof (error as { code?: unknown }).code === 'string';
  console.error(hasCode ? describeConnectionError(error, DATABASE_URL) : (error as Error).message);
  process.exit(1);
}
