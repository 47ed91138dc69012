// Drives one holds endpoint with autocannon: single-seat holds walking the seats in order (fresh
// seats mostly, every tenth request re-aims at a recent seat so conflicts happen), and records
// which hold won which seat so the run can be checked for oversell.
import autocannon from 'autocannon';

export interface WorkloadOptions {
  url: string;
  seatIds: number[];
  fans: Array<{ userId: string; token: string }>;
  connections: number;
  /** Builds the request body and headers for one attempt. */
  request: (attempt: { seatId: number; fan: { userId: string; token: string } }) => {
    body: string;
    headers: Record<string, string>;
  };
}

export interface WorkloadResult {
  requests: number;
  holds: number;
  conflicts: number;
  errors: number;
  seconds: number;
  holdsPerSecond: number;
  p50: number;
  p99: number;
  /** seatId -> holdIds that claimed it (more than one would be an oversell). */
  winners: Map<number, string[]>;
  /** Server CPU time (user + system) the run cost, when measured. */
  cpuMicros?: number;
}

export const runHoldWorkload = async (options: WorkloadOptions): Promise<WorkloadResult> => {
  const { seatIds, fans } = options;
  let next = 0;
  let attempt = 0;
  const winners = new Map<number, string[]>();
  let holds = 0;
  let conflicts = 0;
  const amount = Math.floor(seatIds.length * 1.1);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = attempt++;
          const index =
            i % 10 === 9 || next >= seatIds.length ? Math.max(0, next - 1 - (i % 37)) : next++;
          const { body, headers } = options.request({
            seatId: seatIds[index]!,
            fan: fans[i % fans.length]!,
          });
          return { ...request, body, headers: { ...request.headers, ...headers } };
        },
        onResponse: (status, body) => {
          if (status !== 200) {
            if (status === 409) conflicts++;
            return;
          }
          holds++;
          const json = JSON.parse(body) as {
            id?: string;
            seats?: Array<{ seatId: number }>;
            result?: { data: { id: string; seats: Array<{ seatId: number }> } };
          };
          const hold = json.result?.data ?? json;
          for (const { seatId } of hold.seats ?? []) {
            winners.set(seatId, [...(winners.get(seatId) ?? []), hold.id!]);
          }
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    holds,
    conflicts,
    errors: result.errors + result.non2xx - conflicts,
    seconds: result.duration,
    holdsPerSecond: holds / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    winners,
  };
};

/** Sums alternating rounds of one target: median p50, worst p99, all winners. */
export const mergeRuns = (runs: WorkloadResult[]): WorkloadResult => {
  const sum = (pick: (run: WorkloadResult) => number) => runs.reduce((s, r) => s + pick(r), 0);
  const p50s = runs.map((r) => r.p50).sort((a, b) => a - b);
  const winners = new Map<number, string[]>();
  for (const run of runs) {
    for (const [seatId, holds] of run.winners) {
      winners.set(seatId, [...(winners.get(seatId) ?? []), ...holds]);
    }
  }
  const seconds = sum((r) => r.seconds);
  const holds = sum((r) => r.holds);
  return {
    requests: sum((r) => r.requests),
    holds,
    conflicts: sum((r) => r.conflicts),
    errors: sum((r) => r.errors),
    seconds,
    holdsPerSecond: holds / seconds,
    p50: p50s[Math.floor(p50s.length / 2)] ?? 0,
    p99: Math.max(...runs.map((r) => r.p99)),
    winners,
    cpuMicros: sum((r) => r.cpuMicros ?? 0),
  };
};
