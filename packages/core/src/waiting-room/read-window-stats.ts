// Per-window metrics from Redis (admin dashboard, /metrics): one pipelined read in the window's
// slot; percentiles over the most recent waits and ETA errors the admission script kept.
import type { WindowStats } from '@tessera/contracts/waiting-room';
import { execAtomically } from '../holds/seat-state-codec.ts';
import { windowKeys } from './keys.ts';
import type { WindowStoreOptions } from './waiting-room-options.ts';

/** Nearest-rank percentile of already-sorted values; null when there are none. */
export const percentile = (sorted: number[], p: number): number | null => {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
};

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
const sortedNumbers = (values: string[]) => values.map(Number).sort((a, b) => a - b);

export const readWindowStats = async (options: WindowStoreOptions): Promise<WindowStats> => {
  const { redis, windowId } = options;
  const k = windowKeys(options);
  const now = options.nowMs ?? Date.now();
  const minute = Math.floor(now / 60_000);
  const [config, queue, returned, prequeue, away, active, stats, waits, etaErrors] =
    (await execAtomically(
      redis
        .multi()
        .hmget(k.config, 'status', 'lotteryDone', 'admittedTotal', 'soldOut')
        .zcard(k.queue)
        .zcard(k.returned)
        .zcard(k.prequeue)
        .zcard(k.away)
        .zcount(k.active, `(${now}`, '+inf')
        .hmget(k.stats, 'abandoned', 'consumed', `m:${minute}`, `m:${minute - 1}`)
        .lrange(k.waits, 0, -1)
        .lrange(k.etaerr, 0, -1),
    )) as [
      Array<string | null>,
      number,
      number,
      number,
      number,
      number,
      Array<string | null>,
      string[],
      string[],
    ];
  const [status, lotteryDone, admittedTotal, soldOut] = config;
  const [abandoned, consumed, thisMinute, lastMinute] = stats.map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  const admitted = Number(admittedTotal ?? 0);
  const sortedWaits = sortedNumbers(waits);
  const sortedErrors = sortedNumbers(etaErrors);
  return {
    windowId,
    status: (status ?? 'SCHEDULED') as WindowStats['status'],
    queueLength: queue + returned,
    preQueueSize: lotteryDone === '1' ? 0 : prequeue,
    away,
    admittedTotal: admitted,
    admittedPerMinute:
      Math.round(((thisMinute + lastMinute) / (1 + (now % 60_000) / 60_000)) * 10) / 10,
    activeShoppers: active,
    abandoned,
    abandonmentRatio: admitted > 0 ? Math.min(1, abandoned / admitted) : 0,
    consumed,
    waitP50Seconds: seconds(percentile(sortedWaits, 50)),
    waitP95Seconds: seconds(percentile(sortedWaits, 95)),
    etaErrorP50Seconds: seconds(percentile(sortedErrors, 50)),
    etaErrorP95Seconds: seconds(percentile(sortedErrors, 95)),
    soldOut: soldOut === '1',
  };
};
