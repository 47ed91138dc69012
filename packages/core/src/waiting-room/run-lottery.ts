// Opens a window's queue at the start: seals the pre-queue (later joins go to the back), orders
// its fans by the committed seed (lottery.ts), places them ahead of later arrivals, then reveals
// the seed. Safe to repeat after a crash: the same seed gives the same ranks.
import type { Redis } from 'ioredis';
import { windowKeys } from './keys.ts';
import { lotteryCommitment, lotteryOrder, newLotterySeed } from './lottery.ts';
import { windowCommands, windowKeyList } from './lua-scripts.ts';
import { nowArg } from './waiting-room-options.ts';

const CHUNK = 2_000;

/**
 * Creates the window's secret seed once (kept on a retry) and publishes its commitment in Redis;
 * joins into the pre-queue are accepted only from then on (join-12.lua). Returns the commitment
 * for the caller to store in Postgres.
 */
export const commitLotterySeed = async (options: {
  redis: Redis;
  prefix: string;
  windowId: string;
}): Promise<string> => {
  const { config } = windowKeys(options);
  await options.redis.hsetnx(config, 'seed', newLotterySeed());
  const commitment = lotteryCommitment((await options.redis.hget(config, 'seed'))!);
  await options.redis.hset(config, 'commitment', commitment);
  return commitment;
};

export interface RunLotteryResult {
  /** False when it is too early (Redis time before startsAt) or the window is unknown. */
  done: boolean;
  preQueueSize: number;
  /** The revealed seed, when there was a pre-queue lottery. */
  seed: string | null;
}

export const runLottery = async (options: {
  redis: Redis;
  prefix: string;
  windowId: string;
  nowMs?: number;
}): Promise<RunLotteryResult> => {
  const { redis } = options;
  const keys = windowKeys(options);
  const keyList = windowKeyList(keys);
  const commands = windowCommands(redis);
  const now = nowArg(options.nowMs);
  const sealed = (await commands.tesseraWrSeal_v1(...keyList, now)) as Array<number | string>;
  if (Number(sealed[0]) !== 1) return { done: false, preQueueSize: 0, seed: null };
  const size = Number(sealed[1]);
  const seed = String(sealed[2]) || null;
  if (Number(sealed[3]) !== 1 && size > 0) {
    // Without a seed (Redis lost it after fans re-joined, and no tick re-committed before the
    // start) the pre-queue keeps its join order rather than stranding anyone; no seed is revealed.
    const fans = await redis.zrange(keys.prequeue, 0, -1);
    const order = seed ? lotteryOrder(seed, fans) : fans;
    for (let start = 0; start < order.length; start += CHUNK) {
      const pairs = order
        .slice(start, start + CHUNK)
        .flatMap((userId, i) => [String(start + i + 1), userId]);
      await commands.tesseraWrLottery_v1(...keyList, 'place', now, ...pairs);
    }
  }
  await commands.tesseraWrLottery_v1(...keyList, 'finish', now);
  return { done: true, preQueueSize: size, seed: size > 0 ? seed : null };
};
