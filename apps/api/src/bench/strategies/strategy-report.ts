// Turns the runs into the printed table and the --json figures: per strategy and contention
// level, throughput, conflicts, latency, the ratio to the Lua ceiling, and the oversell check.
import type { StrategyRun } from './strategy-workload.ts';

export interface StrategyResult extends StrategyRun {
  strategy: string;
  seats: number;
  /** Holds the server granted, including those answered after the run's end. */
  granted: number;
  /** Seats with a holder in the store after the run (must be 2 × granted). */
  seatsHeld: number;
}

export const STRATEGY_LABELS: Record<string, string> = {
  lua: 'Redis Lua (ours)',
  'for-update': 'SELECT FOR UPDATE',
  'skip-locked': 'FOR UPDATE SKIP LOCKED',
  'advisory-event': 'advisory lock per event',
  optimistic: 'optimistic version',
  'redis-lock': 'Redis SET NX PX lock',
};

export const figures = (results: StrategyResult[]) =>
  results.map((run) => {
    const lua = results.find((r) => r.strategy === 'lua' && r.seats === run.seats);
    const requestsPerSecond = run.requests / run.seconds;
    return {
      ...run,
      requestsPerSecond,
      holdsPerSecond: run.holds / run.seconds,
      conflictPercent: run.requests ? (100 * run.conflicts) / run.requests : 0,
      ratioToLua: lua ? requestsPerSecond / (lua.requests / lua.seconds) : null,
      oversold: run.doubleWins > 0 || run.seatsHeld !== run.granted * 2,
    };
  });

const HEADER = [
  ['strategy', 24],
  ['seats', 6],
  ['req/s', 7],
  ['holds/s', 8],
  ['conflicts', 10],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['vs Lua', 7],
  ['errors', 7],
  ['oversell', 9],
] as const;

export const formatTable = (rows: ReturnType<typeof figures>): string[] => {
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(HEADER[i]![1]) : cell.padStart(HEADER[i]![1])));
  const out = [line(HEADER.map(([name]) => name)).join(' ')];
  for (const row of rows) {
    const cells = line([
      STRATEGY_LABELS[row.strategy] ?? row.strategy,
      String(row.seats),
      row.requestsPerSecond.toFixed(0),
      row.holdsPerSecond.toFixed(0),
      `${row.conflictPercent.toFixed(1)}%`,
      String(row.p50),
      String(row.p99),
      row.ratioToLua === null ? '-' : `${(row.ratioToLua * 100).toFixed(0)}%`,
      String(row.errors),
      row.oversold ? 'YES' : 'none',
    ]);
    out.push(cells.join(' '));
  }
  return out;
};
