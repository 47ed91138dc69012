// The pre-queue lottery: a secret 32-byte seed is committed to (sha256 hex published) when the
// pre-queue opens; at the start fans are ordered by HMAC-SHA256(seed, userId) ascending (a keyed
// permutation nobody can predict without the seed), and the seed is revealed afterwards so anyone
// can check sha256(seed) == commitment and recompute every rank.
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const newLotterySeed = (): string => randomBytes(32).toString('hex');

export const lotteryCommitment = (seedHex: string): string =>
  createHash('sha256').update(Buffer.from(seedHex, 'hex')).digest('hex');

/** The fan's lottery key (hex); lower keys come first. */
export const lotteryRank = (seedHex: string, userId: string): string =>
  createHmac('sha256', Buffer.from(seedHex, 'hex')).update(userId).digest('hex');

/** Pre-queue fans in lottery order (ties, practically impossible, fall back to the user id). */
export const lotteryOrder = (seedHex: string, userIds: readonly string[]): string[] =>
  userIds
    .map((userId) => ({ userId, key: lotteryRank(seedHex, userId) }))
    .sort((a, b) =>
      a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : a.userId < b.userId
            ? -1
            : a.userId > b.userId
              ? 1
              : 0,
    )
    .map((entry) => entry.userId);

export const verifyLotteryReveal = (commitmentHex: string, seedHex: string): boolean =>
  /^[0-9a-f]{64}$/.test(seedHex) && lotteryCommitment(seedHex) === commitmentHex;
