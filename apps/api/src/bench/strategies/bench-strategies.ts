// `pnpm bench:strategies`: 2-seat holds with our Redis Lua script against the Postgres locking
// strategies peers use, behind the same plain Fastify route, on the same Postgres and load, at
// several contention levels; prints a table (and writes --json). Servers run in a child process.
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { ensureDatabase } from '@tessera/db/migrate';
import { readApiConfig } from '../../env.ts';
import { countHeldSeats, createSeatTable, dropSeatState, resetSeats } from './seat-state.ts';
import { figures, formatTable, STRATEGY_LABELS, type StrategyResult } from './strategy-report.ts';
import { runStrategyWorkload } from './strategy-workload.ts';

/** A benchmark's report is its stdout. */
const print = (line: string) => process.stdout.write(`${line}\n`);

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '5' },
    levels: { type: 'string', default: process.env.BENCH_LEVELS ?? '100,2000,20000,200000' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '64' },
    pool: { type: 'string', default: process.env.BENCH_POOL_SIZE ?? '16' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '1' },
    strategies: { type: 'string', default: Object.keys(STRATEGY_LABELS).join(',') },
    json: { type: 'string' },
  },
});
const seconds = Number(flags.duration);
const levels = flags.levels.split(',').map(Number);
const connections = Number(flags.connections);
// Lua first: the other strategies' ratios are to the Lua run at the same level.
const strategies = ['lua', ...flags.strategies.split(',').filter((s) => s !== 'lua')];

const config = readApiConfig();
const databaseUrl = (() => {
  const url = new URL(config.databaseUrl);
  url.pathname = '/tessera_bench_strategies';
  return process.env.BENCH_DATABASE_URL ?? url.toString();
})();
const prefix = 'bench-strategies:';
await ensureDatabase(databaseUrl);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const redis = createRedisClient({ redisUrl: config.redisUrl });
await createSeatTable(pool);

const loadAtStart = loadavg();
const server = fork(fileURLToPath(new URL('./strategy-server.ts', import.meta.url)), {
  execArgv: ['--import', 'tsx'],
  env: {
    ...process.env,
    BENCH_DATABASE_URL: databaseUrl,
    BENCH_REDIS_PREFIX: prefix,
    BENCH_POOL_SIZE: flags.pool,
    REDIS_URL: config.redisUrl,
  },
});
const port = await new Promise<number>((resolvePort, reject) => {
  server.once('message', (message) => resolvePort((message as { port: number }).port));
  server.once('exit', (code) => reject(new Error(`strategy server exited with ${code}`)));
});

/** Waits until the server has no request in flight; returns the holds it granted since last time. */
const drain = () =>
  new Promise<number>((resolveDrain) => {
    server.once('message', (message) => resolveDrain((message as { granted: number }).granted));
    server.send('drain');
  });

const run = async (strategy: string, seats: number, runSeconds: number) => {
  await drain();
  await resetSeats({ pool, redis, prefix, seats });
  const url = `http://127.0.0.1:${port}/hold/${strategy}`;
  const outcome = await runStrategyWorkload({ url, seats, connections, seconds: runSeconds });
  return { ...outcome, granted: await drain() };
};

try {
  print(
    `Load average at start: ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores ` +
      '(shared box: other work may be running; compare ratios within one run, not absolute figures across runs).',
  );
  print(`Warming up (${flags.warmup} s per strategy)...`);
  for (const strategy of strategies) await run(strategy, levels[0]!, Number(flags.warmup));
  const results: StrategyResult[] = [];
  for (const seats of levels) {
    for (const strategy of strategies) {
      print(`${seats} seats: ${STRATEGY_LABELS[strategy] ?? strategy} for ${seconds} s...`);
      const outcome = await run(strategy, seats, seconds);
      const store = strategy === 'lua' ? 'redis' : 'postgres';
      const seatsHeld = await countHeldSeats({ pool, redis, prefix, store });
      results.push({ ...outcome, strategy, seats, seatsHeld });
    }
  }
  const rows = figures(results);
  print(
    `\n2-seat holds (aligned adjacent pairs drawn uniformly from "seats"; fewer seats = more contention), ` +
      `${connections} connections, ${seconds} s per run, Postgres pool ${flags.pool} for every strategy.`,
  );
  print(
    'req/s = answered requests (held + conflict) per second; holds/s = successful holds (at most seats / 2 per run: ' +
      'holds last 60 s, so small levels sell out early and then measure refusals); vs Lua = req/s ratio to the Lua run at the same level.\n',
  );
  for (const line of formatTable(rows)) print(line);
  const endLoad = loadavg().map((l) => l.toFixed(2));
  print(`\nLoad average at end: ${endLoad.join(' ')} (box shared with other work).`);
  const bad = rows.filter((row) => row.oversold || row.errors > 0);
  print(
    bad.length
      ? `OVERSELL OR ERRORS in: ${bad.map((r) => `${r.strategy}@${r.seats}`).join(', ')}`
      : 'Zero oversell: no seat won by two requests; seats held = 2 × holds granted in every run.',
  );
  if (flags.json) {
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), flags.json);
    const meta = { loadAtStart, cores: availableParallelism(), seconds, connections };
    await writeFile(
      path,
      `${JSON.stringify({ ...meta, pool: Number(flags.pool), rows }, null, 2)}\n`,
    );
    print(`Figures written to ${path}`);
  }
  process.exitCode = bad.length ? 1 : 0;
} finally {
  server.disconnect();
  await dropSeatState({ redis, prefix });
  await Promise.all([pool.end(), redis.quit()]);
}
