// Hold outcomes per event in per-second Redis buckets (dashboard holds/s and conflicts/s) plus
// per-process totals (/metrics). Recording is one fire-and-forget pipeline: a hold never waits on it.
//
// Keys (P = prefix, T = `{ev:<eventId>}`, same slot as the event's seat state):
//   P T:holdrate:<epochSecond>  hash  c -> holds created, x -> holds refused on a taken seat; expires
//   P T:holdtotals              hash  c, x since `since` (ms of the first counted hold; kept 30 days)
import type { Redis } from 'ioredis';
import { eventTag } from '../holds/keys.ts';

export type HoldOutcome = 'created' | 'conflict';

const FIELD: Record<HoldOutcome, string> = { created: 'c', conflict: 'x' };
const BUCKET_TTL_SECONDS = 120;
const TOTALS_TTL_SECONDS = 30 * 24 * 3600;
/** holds/s is averaged over this many complete seconds (the current one is still filling). */
export const HOLD_RATE_WINDOW_SECONDS = 5;

export interface HoldCountersOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
}

/** Process totals since start, read by the /metrics collector (no Redis on scrape). */
export const processHoldTotals: Record<HoldOutcome, number> = { created: 0, conflict: 0 };

const keysOf = (options: Pick<HoldCountersOptions, 'prefix' | 'eventId'>, second: number) => {
  const tag = eventTag(options);
  return { bucket: `${tag}:holdrate:${second}`, totals: `${tag}:holdtotals` };
};

/** Counts one hold outcome; never throws and never delays the caller (errors are dropped). */
export const recordHoldOutcome = (
  options: HoldCountersOptions & { outcome: HoldOutcome; nowMs?: number },
): void => {
  processHoldTotals[options.outcome] += 1;
  const field = FIELD[options.outcome];
  const k = keysOf(options, Math.floor((options.nowMs ?? Date.now()) / 1000));
  void options.redis
    .pipeline()
    .hincrby(k.bucket, field, 1)
    .expire(k.bucket, BUCKET_TTL_SECONDS)
    .hincrby(k.totals, field, 1)
    .hsetnx(k.totals, 'since', String(options.nowMs ?? Date.now()))
    .expire(k.totals, TOTALS_TTL_SECONDS)
    .exec()
    .catch(() => {});
};

export interface HoldCounts {
  holdsPerSecond: number;
  conflictsPerSecond: number;
  windowSeconds: number;
  holdsTotal: number;
  conflictsTotal: number;
  /** Epoch ms the totals started counting (null before the first hold). */
  sinceMs: number | null;
}

/** Rates over the last complete seconds before `nowMs`, and the sale totals. */
export const readHoldCounts = async (
  options: HoldCountersOptions & { nowMs?: number },
): Promise<HoldCounts> => {
  const current = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const pipeline = options.redis.pipeline();
  for (let s = current - HOLD_RATE_WINDOW_SECONDS; s < current; s += 1) {
    pipeline.hmget(keysOf(options, s).bucket, 'c', 'x');
  }
  pipeline.hmget(keysOf(options, current).totals, 'c', 'x', 'since');
  const replies = (await pipeline.exec()) ?? [];
  const values = replies.map(([error, value]) => {
    if (error) throw error;
    return (value as Array<string | null>).map((v) => Number(v ?? 0));
  });
  const totals = values.pop() ?? [0, 0, 0];
  const sum = (i: number) => values.reduce((acc, pair) => acc + (pair[i] ?? 0), 0);
  const rate = (i: number) => Math.round((sum(i) / HOLD_RATE_WINDOW_SECONDS) * 10) / 10;
  return {
    holdsPerSecond: rate(0),
    conflictsPerSecond: rate(1),
    windowSeconds: HOLD_RATE_WINDOW_SECONDS,
    holdsTotal: totals[0] ?? 0,
    conflictsTotal: totals[1] ?? 0,
    sinceMs: totals[2] ? totals[2] : null,
  };
};
