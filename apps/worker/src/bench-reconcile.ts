// `pnpm bench:reconcile [--rate 10000] [--seconds 10] [--ttl-ms 1500] [--fans 500]`: drives
// 2-seat holds through the Lua script at a fixed rate while the real worker process (ticks,
// sweeper, reconcile jobs) runs beside it, and reports reconciliation lag: the time from a hold's
// XADD (its script call returning) to the Postgres cursor passing its version (polled every 10 ms).
// Holds expire after --ttl-ms and their seats are taken again, so the stream also carries expiries.
// Uses DATABASE_URL / REDIS_URL (dev defaults) and a random key prefix; cleans up after itself.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { HoldRefusedError } from '@tessera/core/holds/hold-refusal';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { loadEventSeatState } from '@tessera/core/holds/load-event-seat-state';
import { checkEventInvariants } from '@tessera/core/invariants/check-event-invariants';
import { createPrismaClient } from '@tessera/db/client';
import { Redis } from 'ioredis';
import { createBenchEvent, removeBenchEvent, SEATS_PER_ROW } from './bench/bench-event.ts';
import { startWorkerProcess, trackCursor, percentile } from './bench/bench-support.ts';
import { loadWorkerEnv } from './env.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rate = arg('rate', 10_000);
const seconds = arg('seconds', 10);
const ttlMs = arg('ttl-ms', 1_500);
const fans = arg('fans', 500);
const print = (line: string) => process.stdout.write(`${line}\n`);

const env = loadWorkerEnv();
const prefix = `bench-reconcile:${randomUUID().slice(0, 8)}:`;
const prisma = createPrismaClient({ databaseUrl: env.DATABASE_URL, poolSize: 4 });
const redis = new Redis(env.REDIS_URL, { enableAutoPipelining: true });
// Enough pairs that the generator comes back to a pair only after its hold expired.
const pairsNeeded = Math.ceil((rate * ttlMs * 1.5) / 1000);
const rows = Math.ceil((pairsNeeded * 2) / SEATS_PER_ROW);
print(`setting up ${rows * SEATS_PER_ROW} seats, ${fans} fans; ${rate} holds/s for ${seconds} s`);
const bench = await createBenchEvent({ prisma, rows, fans });
const store = { redis, prefix, eventId: bench.eventId };
await loadEventSeatState({ prisma, ...store });
const worker = await startWorkerProcess({ env: { ...process.env, REDIS_PREFIX: prefix } });
const cursor = trackCursor({ prisma, eventId: bench.eventId, everyMs: 10 });

const doneAt = new Map<number, number>();
const refusals = new Map<string, number>();
let issued = 0;
const inFlight = new Set<Promise<void>>();
const holdOne = (n: number) => {
  const pair = bench.pairs[n % bench.pairs.length]!;
  const call = holdSeats({
    ...store,
    userId: bench.userIds[n % bench.userIds.length]!,
    seatIds: pair,
    ttlMs,
    perUserSeatLimit: 1_000_000,
  })
    .then((held) => void doneAt.set(held.version, Date.now()))
    .catch((error: unknown) => {
      const name = error instanceof HoldRefusedError ? error.refusal : (error as Error).message;
      refusals.set(name, (refusals.get(name) ?? 0) + 1);
    })
    .finally(() => inFlight.delete(call));
  inFlight.add(call);
};

/** Issues holds at `rate` for `ms`; returns the measured seconds. */
const drive = async (ms: number) => {
  const startedAt = Date.now();
  const first = issued;
  while (Date.now() - startedAt < ms) {
    const due = first + Math.floor(((Date.now() - startedAt) / 1000) * rate);
    while (issued < due && inFlight.size < 5_000) holdOne(issued++);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all([...inFlight]);
  return (Date.now() - startedAt) / 1000;
};
const versionNow = async () =>
  Number(await redis.hget(`${prefix}{ev:${bench.eventId}}:meta`, 'version'));

// Warm-up (JIT, connection pools, query plans), excluded from the numbers.
await drive(1_000);
await cursor.reached(await versionNow(), 60_000);
doneAt.clear();
refusals.clear();
const elapsed = await drive(seconds * 1000);
const finalVersion = await versionNow();
const drainStarted = Date.now();
await cursor.reached(finalVersion, 60_000);
const drainMs = Date.now() - drainStarted;
const lags = cursor.lagsOf(doneAt);
const report = await checkEventInvariants({ prisma, ...store });
cursor.stop();

print(`load average (1 min, whole box): ${loadavg()[0]!.toFixed(2)}`);
print(
  `holds: ${doneAt.size} ok in ${elapsed.toFixed(1)} s = ${Math.round(doneAt.size / elapsed)}/s (target ${rate}/s)`,
);
print(`refused: ${JSON.stringify(Object.fromEntries(refusals))}`);
print(
  `stream versions: ${finalVersion} (holds, expiries, load; warm-up included); drained ${drainMs} ms after the load stopped`,
);
print(
  `reconciliation lag (XADD -> cursor): p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${percentile(lags, 100)} ms over ${lags.length} holds`,
);
const row = await prisma.eventSeatCursor.findUnique({ where: { eventId: bench.eventId } });
// The stream keeps about DEFAULT_STREAM_MAX_LEN entries: a cursor that falls further behind is
// trimmed past and the mirror is rebuilt from a Redis snapshot (correct, but a sign of overload).
print(`mirror rebuilt from a snapshot during the run: ${row?.resyncedAt ? 'yes' : 'no'}`);
print(`invariants after drain: ${report?.ok ? 'PASS' : 'FAIL'}`);
for (const check of report?.checks ?? [])
  print(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);

await worker.stop();
for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
  if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
}
await removeBenchEvent(prisma, bench);
redis.disconnect();
await prisma.$disconnect();
