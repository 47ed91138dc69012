// Drives one strategy's route with autocannon for a fixed time: each request asks for an aligned
// pair of adjacent seats drawn uniformly from the level's seats, for a random fan; records which
// requests won which seats so the run can be checked for oversell.
import autocannon from 'autocannon';

export interface StrategyRun {
  requests: number;
  holds: number;
  conflicts: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Seats two successful requests both claimed (must be 0). */
  doubleWins: number;
}

export const runStrategyWorkload = async (options: {
  url: string;
  seats: number;
  connections: number;
  seconds: number;
}): Promise<StrategyRun> => {
  const pairs = Math.floor(options.seats / 2);
  const wins = new Map<number, number>();
  let holds = 0;
  let conflicts = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const pair = Math.floor(Math.random() * pairs);
          const body = JSON.stringify({
            userId: `fan-${Math.floor(Math.random() * 1e6)}`,
            seatIds: [pair * 2 + 1, pair * 2 + 2],
          });
          return { ...request, body, headers: { 'content-type': 'application/json' } };
        },
        onResponse: (status, body) => {
          if (status === 409) conflicts++;
          if (status !== 200) return;
          holds++;
          for (const seatId of (JSON.parse(body) as { seatIds: number[] }).seatIds) {
            wins.set(seatId, (wins.get(seatId) ?? 0) + 1);
          }
        },
      },
    ],
  });
  return {
    requests: holds + conflicts,
    holds,
    conflicts,
    errors: result.errors + result.non2xx - conflicts,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    doubleWins: [...wins.values()].filter((count) => count > 1).length,
  };
};
