// The pre-queue lottery is a uniform random permutation and verifiable after the reveal.
// Thresholds are chi-square critical values at p = 1e-6 (a false alarm once in a million runs),
// and each test also shows the same check rejecting a mildly biased order, so it can fail.
import { describe, expect, it } from 'vitest';
import {
  lotteryCommitment,
  lotteryOrder,
  lotteryRank,
  newLotterySeed,
  verifyLotteryReveal,
} from './lottery.ts';

const FANS = ['fan-a', 'fan-b', 'fan-c', 'fan-d'];
const RUNS = 2_400;
// chi2 inverse survival at p = 1e-6: 9 degrees of freedom (4x4 positions), 23 (24 permutations).
const CRITICAL_DF9 = 44.81;
const CRITICAL_DF23 = 70.55;

type Shuffle = (seed: string) => string[];

const lottery: Shuffle = (seed) => lotteryOrder(seed, FANS);
/** One draw in ten keeps the join order: a bias a fair lottery must not have. */
const biased: Shuffle = (seed) =>
  parseInt(seed.slice(0, 4), 16) % 10 === 0 ? [...FANS] : lotteryOrder(seed, FANS);

/**
 * Pearson statistic of the fan x position table. Each run adds a whole permutation matrix, whose
 * covariance on the 9 free cells is n/(n-1) times that of independent draws, so the statistic is
 * scaled by (n-1)/n to follow chi2 with (n-1)^2 degrees of freedom.
 */
const positionStatistic = (shuffle: Shuffle) => {
  const n = FANS.length;
  const counts = FANS.map(() => new Array<number>(n).fill(0));
  for (let run = 0; run < RUNS; run += 1) {
    shuffle(newLotterySeed()).forEach((fan, position) => {
      counts[FANS.indexOf(fan)]![position]! += 1;
    });
  }
  const expected = RUNS / n;
  const pearson = counts.flat().reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
  return { statistic: (pearson * (n - 1)) / n, counts };
};

/** Pearson statistic over the 24 possible orders (independent runs: chi2 with 23 df). */
const permutationStatistic = (shuffle: Shuffle) => {
  const seen = new Map<string, number>();
  for (let run = 0; run < RUNS; run += 1) {
    const key = shuffle(newLotterySeed()).join(',');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const expected = RUNS / 24;
  let statistic = (24 - seen.size) * expected; // orders never drawn
  for (const observed of seen.values()) statistic += (observed - expected) ** 2 / expected;
  return statistic;
};

describe('pre-queue lottery', () => {
  it('puts each fan in each position equally often (4 fans x 2,400 runs)', () => {
    const { statistic, counts } = positionStatistic(lottery);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(RUNS * FANS.length);
    expect(statistic).toBeLessThan(CRITICAL_DF9);
    expect(positionStatistic(biased).statistic).toBeGreaterThan(CRITICAL_DF9);
  });

  it('draws all 24 orders equally often', () => {
    expect(permutationStatistic(lottery)).toBeLessThan(CRITICAL_DF23);
    expect(permutationStatistic(biased)).toBeGreaterThan(CRITICAL_DF23);
  });

  it('lets anyone check the reveal against the commitment and recompute the order', () => {
    const seed = newLotterySeed();
    const commitment = lotteryCommitment(seed);
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyLotteryReveal(commitment, seed)).toBe(true);
    expect(verifyLotteryReveal(commitment, newLotterySeed())).toBe(false);
    expect(verifyLotteryReveal(commitment, 'not-hex')).toBe(false);
    // The order is the fans sorted by their published keyed rank.
    const byRank = [...FANS].sort((a, b) =>
      lotteryRank(seed, a).localeCompare(lotteryRank(seed, b)),
    );
    expect(lotteryOrder(seed, FANS)).toEqual(byRank);
    // Join order does not matter, the seed does.
    expect(lotteryOrder(seed, [...FANS].reverse())).toEqual(byRank);
  });
});
