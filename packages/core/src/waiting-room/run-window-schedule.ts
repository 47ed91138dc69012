// The worker's once-a-second pass over live on-sale windows: opens pre-queues (seed committed),
// opens windows at startsAt (SCHEDULED -> OPEN, lottery, gate), ends windows at endsAt, re-mirrors
// a window Redis lost (restoring its queue and passes from Postgres first), and returns the
// waiting-room windows that need an admission step.
// Every transition is a conditional Postgres update first, so two workers never both apply it.
import type { Db, PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { eventGateKeys, windowKeys } from './keys.ts';
import { lotteryCommitment, newLotterySeed } from './lottery.ts';
import { mirrorWindow, restoreAndMirrorWindow } from './publish-window.ts';
import { commitLotterySeed, runLottery } from './run-lottery.ts';

export interface RunWindowScheduleOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  /** Simulated time (epoch ms); omitted: Date.now(). Also passed to the lottery scripts. */
  nowMs?: number;
  /** Only these windows (tests); omitted: every live window. */
  windowIds?: string[];
}

export interface WindowScheduleResult {
  preQueuesOpened: string[];
  opened: string[];
  ended: string[];
  /** Every live waiting-room window: the tick copies its new joins to Postgres. */
  live: string[];
  /** OPEN or PAUSED waiting-room windows: the admission tick advances each. */
  admitting: string[];
}

type Row = Db.OnSaleWindow;

const transition = async (
  prisma: PrismaClient,
  row: Row,
  data: Db.Prisma.OnSaleWindowUpdateManyMutationInput,
): Promise<Row | null> => {
  const { count } = await prisma.onSaleWindow.updateMany({
    where: { id: row.id, status: row.status },
    data,
  });
  return count === 0 ? null : prisma.onSaleWindow.findUnique({ where: { id: row.id } });
};

/**
 * Seed kept in Redis (secret until the start), commitment in Postgres and Redis. Also used when
 * Redis lost the seed before the start (the pre-queue went with it): a new seed, a new commitment.
 */
const commitLottery = async (options: RunWindowScheduleOptions, row: Row) => {
  const { redis, prefix } = options;
  const { config } = windowKeys({ prefix, windowId: row.id });
  await redis.hsetnx(config, 'seed', newLotterySeed());
  const commitment = lotteryCommitment((await redis.hget(config, 'seed'))!);
  await options.prisma.onSaleWindow.updateMany({
    where: { id: row.id, lotterySeed: null },
    data: { lotteryCommitment: commitment },
  });
  await commitLotterySeed({ redis, prefix, windowId: row.id });
};

const needsCommitment = async (options: RunWindowScheduleOptions, row: Row, now: number) => {
  if (row.preQueueOpensAt === null || row.preQueueOpensAt.getTime() > now) return false;
  if (row.status !== 'SCHEDULED' || row.startsAt.getTime() <= now) return false;
  if (row.lotteryCommitment === null) return true;
  const { config } = windowKeys({ prefix: options.prefix, windowId: row.id });
  return (await options.redis.hexists(config, 'seed')) === 0;
};

/** Redis has the window's config and gate entry (and, with a waiting room, its restored state). */
const isMirrored = async (redis: Redis, prefix: string, row: Row) => {
  const { config: configKey } = windowKeys({ prefix, windowId: row.id });
  const [config, gate] = await Promise.all([
    row.waitingRoomEnabled ? redis.hexists(configKey, 'restored') : redis.exists(configKey),
    row.waitingRoomEnabled
      ? redis.hexists(eventGateKeys({ prefix, eventId: row.eventId }).gate, `w:${row.id}`)
      : Promise.resolve(1),
  ]);
  return config === 1 && gate === 1;
};

export const runWindowSchedule = async (
  options: RunWindowScheduleOptions,
): Promise<WindowScheduleResult> => {
  const { prisma, redis, prefix } = options;
  const now = options.nowMs ?? Date.now();
  const result: WindowScheduleResult = {
    preQueuesOpened: [],
    opened: [],
    ended: [],
    live: [],
    admitting: [],
  };
  const rows = await prisma.onSaleWindow.findMany({
    where: {
      status: { in: ['SCHEDULED', 'OPEN', 'PAUSED'] },
      ...(options.windowIds && { id: { in: options.windowIds } }),
    },
    orderBy: { startsAt: 'asc' },
  });
  for (let row of rows) {
    if (row.endsAt.getTime() <= now) {
      const ended = await transition(prisma, row, { status: 'ENDED' });
      if (ended) {
        await mirrorWindow({ redis, prefix, row: ended });
        result.ended.push(row.id);
      }
      continue;
    }
    if (!(await isMirrored(redis, prefix, row))) {
      await restoreAndMirrorWindow({ prisma, redis, prefix, row, nowMs: options.nowMs });
    }
    if (!row.waitingRoomEnabled) {
      if (row.status === 'SCHEDULED' && row.startsAt.getTime() <= now) {
        const opened = await transition(prisma, row, { status: 'OPEN' });
        if (opened) {
          await mirrorWindow({ redis, prefix, row: opened });
          result.opened.push(row.id);
        }
      }
      continue;
    }
    result.live.push(row.id);
    if (await needsCommitment(options, row, now)) {
      await commitLottery(options, row);
      result.preQueuesOpened.push(row.id);
    }
    if (row.status === 'SCHEDULED' && row.startsAt.getTime() <= now) {
      const opened = await transition(prisma, row, { status: 'OPEN' });
      if (!opened) continue;
      row = opened;
      await mirrorWindow({ redis, prefix, row });
      result.opened.push(row.id);
    }
    if (row.status === 'SCHEDULED') continue;
    // OPEN or PAUSED: make sure the lottery ran (it is repeated if a worker died half-way).
    const lotteryDone = await redis.hget(
      windowKeys({ prefix, windowId: row.id }).config,
      'lotteryDone',
    );
    if (lotteryDone !== '1') {
      const lottery = await runLottery({ redis, prefix, windowId: row.id, nowMs: options.nowMs });
      if (!lottery.done) continue;
      if (lottery.seed) {
        await prisma.onSaleWindow.updateMany({
          where: { id: row.id, lotterySeed: null },
          data: { lotterySeed: lottery.seed },
        });
      }
    }
    result.admitting.push(row.id);
  }
  return result;
};
