// `pnpm load:teardown [--fixture file]`: after a k6 run, reconciles the run's event (idempotent
// catch-up) and runs the invariant checker on it; exits 1 if any invariant fails. The run's data
// stays (inspect it in the admin console; point load tests at a database of their own).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkInvariants } from '@tessera/core/invariants/check-invariants';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import type { LoadFixture } from './load-fixture.ts';
import { DEFAULT_FIXTURE_PATH, openStores, print } from './load-cli.ts';

let fixture: LoadFixture;
try {
  const { values } = parseArgs({ options: { fixture: { type: 'string' } } });
  fixture = JSON.parse(readFileSync(values.fixture ?? DEFAULT_FIXTURE_PATH, 'utf8')) as LoadFixture;
  if (typeof fixture.eventId !== 'string') throw new Error('no eventId in it');
} catch (error) {
  console.error(`load:teardown: ${(error as Error).message}`);
  process.exit(2);
}

const stores = openStores();
const store = { prisma: stores.prisma, redis: stores.redis, prefix: stores.prefix };
try {
  await reconcileEvent({ ...store, eventId: fixture.eventId });
  const report = await checkInvariants({ ...store, eventIds: [fixture.eventId] });
  for (const event of report.events) {
    print(
      `${event.ok ? 'PASS' : 'FAIL'}  ${event.title}: ${event.soldInPostgres} sold, ` +
        `${event.heldInRedis} held of ${event.capacity}`,
    );
    for (const check of event.checks)
      print(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  }
  if (report.notFound.length > 0) print(`FAIL  event ${fixture.eventId} not found`);
  if (!report.ok) {
    print('load:teardown: invariants FAILED');
    process.exitCode = 1;
  } else print('load:teardown: all invariants hold');
} catch (error) {
  console.error(`load:teardown could not run: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  stores.redis.disconnect();
  await stores.prisma.$disconnect();
}
