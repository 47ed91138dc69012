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
  console.error(describeConnectionError(error, DATABASE_URL));
  process.exit(1);
}
