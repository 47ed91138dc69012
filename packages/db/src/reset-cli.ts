// `pnpm --filter @tessera/db reset`: drops, recreates and migrates a *test* database so every test
// run starts clean. Refuses any database whose name does not end in _test or _e2e.
import pg from 'pg';
import { ZDatabaseEnv, loadEnv } from '@tessera/config/env';
import { assertPostgresReachable } from './check-connection.ts';
import { migrate } from './migrate.ts';

const { DATABASE_URL } = loadEnv(ZDatabaseEnv);
const url = new URL(DATABASE_URL);
const name = decodeURIComponent(url.pathname.slice(1));
if (!/_(test|e2e)$/.test(name)) {
  console.error(`Refusing to reset "${name}": only databases named *_test or *_e2e are reset.`);
  process.exit(1);
}
try {
  url.pathname = '/postgres';
  await assertPostgresReachable(url.toString());
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const { applied } = await migrate(DATABASE_URL);
  console.warn(`Reset ${name}: ${applied.length} migrations applied.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
