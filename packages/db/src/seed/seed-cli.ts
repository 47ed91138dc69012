// `pnpm --filter @tessera/db seed` (or `pnpm db:seed`): loads the demo data into DATABASE_URL.
// Safe to run again: it updates the same rows instead of adding copies.
//
// Demo accounts:
//   admin  admin@tessera.dev  /  Admin-pass-2026   (role ADMIN)
//   fan    fan@tessera.dev    /  Fan-pass-2026     (role FAN)
import { ZDatabaseEnv, loadEnv } from '@tessera/config/env';
import { createPrismaClient } from '../client.ts';
import { describeConnectionError } from '../connection-error.ts';
import { seedDemoData } from './seed-demo-data.ts';

const { DATABASE_URL } = loadEnv(ZDatabaseEnv);
const prisma = createPrismaClient({ databaseUrl: DATABASE_URL });
const started = performance.now();
try {
  const s = await seedDemoData({ prisma });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Seeded ${s.users} users, ${s.venues} venues (${s.venuesCreated} new, ${s.seats} seats), ` +
      `${s.events} events (${s.eventsWithSales} with box-office sales) in ${seconds}s.\n`,
  );
} catch (error) {
  // Database errors carry a code and become one sentence; anything else is a bug: show it whole.
  const isDatabaseError = typeof (error as { code?: unknown }).code === 'string';
  console.error(isDatabaseError ? describeConnectionError(error, DATABASE_URL) : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
