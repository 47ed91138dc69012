// `pnpm invariants:check [--catch-up] [--json] [eventId…]`: proves the seat invariants per event
// (all events with seat state when none are named), prints a table, exits 1 on any failure.
// --catch-up reconciles each event first (idempotent), so the comparison is not judged mid-queue.
import { checkInvariants, listCheckableEvents } from '@tessera/core/invariants/check-invariants';
import type { InvariantReport } from '@tessera/core/invariants/invariant-report';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import { createPrismaClient } from '@tessera/db/client';
import { loadWorkerEnv } from './env.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const named = args.filter((a) => !a.startsWith('--'));
const env = loadWorkerEnv();
const prisma = createPrismaClient({ databaseUrl: env.DATABASE_URL, poolSize: 2 });
const redis = createRedisClient({ redisUrl: env.REDIS_URL });
const prefix = env.REDIS_PREFIX;

// Plain stdout (no console.log: lint reserves the console for warnings and errors).
const print = (line = '') => process.stdout.write(`${line}\n`);

const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) print(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`);
};

const printReport = (report: InvariantReport) => {
  for (const event of report.events) {
    const lag =
      event.reconciliationLag === null
        ? 'not loaded in Redis'
        : `reconciliation lag ${event.reconciliationLag}`;
    print(`\n${event.ok ? 'PASS' : 'FAIL'}  ${event.title} (${event.eventId}), ${lag}`);
    table([
      ['invariant', 'ok', 'mismatches', 'detail'],
      ...event.checks.map((c) => [c.name, c.ok ? 'yes' : 'NO', String(c.mismatchCount), c.detail]),
    ]);
    for (const c of event.checks.filter((x) => x.mismatches.length > 0)) {
      print(`  ${c.name}:`);
      for (const m of c.mismatches) {
        print(`    seat ${m.seat} (#${m.seatId}): postgres ${m.postgres}, redis ${m.redis}`);
      }
    }
  }
  for (const id of report.notFound) print(`\nFAIL  event ${id} not found`);
  const verdict = report.ok ? 'All invariants hold' : 'Invariants FAILED';
  print(`\n${verdict} (${report.events.length} event(s) checked)`);
};

try {
  const eventIds = named.length > 0 ? named : await listCheckableEvents({ prisma, redis, prefix });
  if (flags.has('--catch-up')) {
    for (const eventId of eventIds) await reconcileEvent({ prisma, redis, prefix, eventId });
  }
  const report = await checkInvariants({ prisma, redis, prefix, eventIds });
  if (flags.has('--json')) print(JSON.stringify(report, null, 2));
  else printReport(report);
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  console.error(`Invariant check could not run: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  redis.disconnect();
  await prisma.$disconnect();
}
