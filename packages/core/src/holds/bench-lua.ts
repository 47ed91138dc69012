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
const WORKERS = Number(process.env.BENCH_WORKERS ?? 256);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);

/** EVALSHA calls and time inside them, and Redis's CPU seconds (both count every client of the server). */
const redisStats = async (redis: Redis) => {
  const info = await redis.info('everything');
  const number = (pattern: RegExp) => Number(pattern.exec(info)?.[1] ?? 0);
  return {
    calls: number(/cmdstat_evalsha:calls=(\d+)/),
    usec: number(/cmdstat_evalsha:calls=\d+,usec=(\d+)/),
    cpu: number(/used_cpu_user:([\d.]+)/) + number(/used_cpu_sys:([\d.]+)/),
  };
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
  const before = await redisStats(clients[0]!);
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
  const after = await redisStats(clients[0]!);
  const calls = after.calls - before.calls;
  const wallUs = (after.usec - before.usec) / calls;
  const cpuUs = ((after.cpu - before.cpu) * 1e6) / calls;
  process.stdout.write(
    `${seatsPerHold} seat(s)/hold: ${holds} holds in ${seconds.toFixed(2)} s = ${Math.round(holds / seconds)} holds/s ` +
      `(${Math.round((holds * seatsPerHold) / seconds)} seats/s); per EVALSHA: ${wallUs.toFixed(1)} µs in Redis, ` +
      `${cpuUs.toFixed(1)} µs Redis CPU\n`,
  );
  for await (const keys of clients[0]!.scanStream({ match: `${prefix}*`, count: 100 })) {
    if ((keys as string[]).length > 0) await clients[0]!.unlink(...(keys as string[]));
  }
  for (const redis of clients) redis.disconnect();
};

// The same harness calling a script that does nothing with the same KEYS/ARGV shape: what this box
// and client manage at best, so the hold figures can be read as a fraction of it. Bench-only Lua.
const runNoop = async (calls: number) => {
  const clients = Array.from(
    { length: CONNECTIONS },
    () => new Redis(REDIS_URL, { enableAutoPipelining: true }),
  );
  for (const redis of clients)
    redis.defineCommand('tesseraBenchNoop_v1', { numberOfKeys: 7, lua: 'return {1, 0}' });
  const args = [
    ...Array.from({ length: 7 }, (_, i) => `bench{ev:noop}:${i}`),
    ...Array.from({ length: 11 }, () => '1'),
  ];
  const noop = (redis: Redis) =>
    (redis as unknown as Record<string, (...a: string[]) => Promise<unknown>>).tesseraBenchNoop_v1!(
      ...args,
    );
  await Promise.all(clients.map((redis) => noop(redis)));
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      for (let n = worker; n < calls; n += WORKERS) await noop(clients[worker % CONNECTIONS]!);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`no-op script, same harness: ${Math.round(calls / seconds)} calls/s\n`);
  for (const redis of clients) redis.disconnect();
};

process.stdout.write(
  `hold-9 via EVALSHA, ${CONNECTIONS} connections (auto-pipelined), ${WORKERS} concurrent callers; load average ${loadavg()[0]!.toFixed(1)}\n`,
);
await run({ seatsPerHold: 1, rows: 500 });
await run({ seatsPerHold: 4, rows: 1000 });
await runNoop(100_000);
