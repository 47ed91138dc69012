// Benchmark: EVALSHA throughput of the hold script for 1-seat and 4-seat holds on a large event.
// Run: pnpm --filter @tessera/core exec tsx src/holds/bench-lua.ts   (REDIS_URL to override db 1)
// Each worker owns whole rows and fills them front to back, so no hold is refused and every call
// measures the full success path (checks, writes, version bump, stream append).
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { holdSeats } from './hold-seats.ts';
import { installEventSeatState } from './install-event-seat-state.ts';
import { encodeSeatLayout, type LayoutSeat } from './seat-layout.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1';
const SEATS_PER_ROW = 100;
const WORKERS = 256;
const CONNECTIONS = 4;

/** Total EVALSHA calls and microseconds Redis spent in them (every client of this server). */
const evalshaStats = async (redis: Redis) => {
  const line = (await redis.info('commandstats'))
    .split('\n')
    .find((l) => l.startsWith('cmdstat_evalsha:'));
  const field = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(line ?? '')?.[1] ?? 0);
  return { calls: field('calls'), usec: field('usec') };
};

const makeSeats = (rows: number): LayoutSeat[] =>
  Array.from({ length: rows * SEATS_PER_ROW }, (_, i) => {
    const row = Math.floor(i / SEATS_PER_ROW) + 1;
    const position = (i % SEATS_PER_ROW) + 1;
    return { id: row * 1000 + position, rowId: row, position, tierId: 1, x: position, y: row };
  });

const run = async ({ seatsPerHold, rows }: { seatsPerHold: number; rows: number }) => {
  const clients = Array.from(
    { length: CONNECTIONS },
    () => new Redis(REDIS_URL, { enableAutoPipelining: true }),
  );
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  const eventId = randomUUID();
  const layout = encodeSeatLayout({
    seats: makeSeats(rows),
    stage: { x: SEATS_PER_ROW / 2, y: 0 },
  });
  await installEventSeatState({
    redis: clients[0]!,
    prefix,
    eventId,
    state: { layout, soldSeatIds: [], holds: [], versionFloor: 0 },
  });
  // Leave the last seats of each row free so the final block never strands one.
  const blocksPerRow = Math.floor((SEATS_PER_ROW - 2) / seatsPerHold);
  const hold = (redis: Redis, row: number, block: number) =>
    holdSeats({
      redis,
      prefix,
      eventId,
      userId: `fan-${row}-${block}`,
      ttlMs: 600_000,
      perUserSeatLimit: 10,
      seatIds: Array.from(
        { length: seatsPerHold },
        (_, i) => row * 1000 + block * seatsPerHold + i + 1,
      ),
    });
  await Promise.all(clients.map((redis) => redis.ping()));
  const statsBefore = await evalshaStats(clients[0]!);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      const redis = clients[worker % CONNECTIONS]!;
      for (let row = worker + 1; row <= rows; row += WORKERS) {
        for (let block = 0; block < blocksPerRow; block++) await hold(redis, row, block);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const holds = rows * blocksPerRow;
  const statsAfter = await evalshaStats(clients[0]!);
  const usecPerCall = (statsAfter.usec - statsBefore.usec) / (statsAfter.calls - statsBefore.calls);
  process.stdout.write(
    `${seatsPerHold} seat(s)/hold: ${holds} holds in ${seconds.toFixed(2)} s = ${Math.round(holds / seconds)} holds/s ` +
      `(${Math.round((holds * seatsPerHold) / seconds)} seats/s); Redis time per EVALSHA ${usecPerCall.toFixed(1)} µs\n`,
  );
  for await (const keys of clients[0]!.scanStream({ match: `${prefix}*`, count: 100 })) {
    if ((keys as string[]).length > 0) await clients[0]!.unlink(...(keys as string[]));
  }
  for (const redis of clients) redis.disconnect();
};

process.stdout.write(
  `hold-7 via EVALSHA, ${CONNECTIONS} connections (auto-pipelined), ${WORKERS} concurrent callers; load average ${loadavg()[0]!.toFixed(1)}\n`,
);
await run({ seatsPerHold: 1, rows: 500 });
await run({ seatsPerHold: 4, rows: 1000 });
