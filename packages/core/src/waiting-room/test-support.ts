// Shared set-up for the waiting-room tests: a window row mirrored straight into Redis (no
// Postgres), fans joining and polling at simulated times, and the queue read back in order.
import { randomUUID } from 'node:crypto';
import { ZQueuePlace, ZQueueStatus } from '@tessera/contracts/waiting-room';
import type { Db } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { joinWaitingRoom } from './join-waiting-room.ts';
import { windowKeys } from './keys.ts';
import { mirrorWindow } from './publish-window.ts';
import { readQueueStatus } from './read-queue-status.ts';
import { commitLotterySeed, runLottery } from './run-lottery.ts';

export const TOKEN_SECRET = 'waiting-room-test-secret-0123456789abcdef';

/** A far-future start, so simulated times never meet real Redis time in the hold gate. */
export const T0 = Date.UTC(2030, 0, 1, 10, 0, 0);

export const windowRow = (overrides: Partial<Db.OnSaleWindow> = {}): Db.OnSaleWindow => ({
  id: randomUUID(),
  eventId: randomUUID(),
  name: 'General sale',
  startsAt: new Date(T0),
  endsAt: new Date(T0 + 3_600_000),
  presaleCode: null,
  waitingRoomEnabled: true,
  preQueueOpensAt: null,
  admissionMode: 'PACE',
  admissionRatePerMinute: 600,
  maxActiveShoppers: null,
  shopperSessionSeconds: 600,
  perFanSeatLimit: 6,
  graceSeconds: 3_600,
  status: 'SCHEDULED',
  lotteryCommitment: null,
  lotterySeed: null,
  createdAt: new Date(T0 - 86_400_000),
  updatedAt: new Date(T0 - 86_400_000),
  ...overrides,
});

export interface TestWindow {
  row: Db.OnSaleWindow;
  windowId: string;
  eventId: string;
}

/** Mirrors a row into Redis as publishWindow would. */
export const installWindow = async (
  redis: Redis,
  prefix: string,
  overrides: Partial<Db.OnSaleWindow> = {},
): Promise<TestWindow> => {
  const row = windowRow(overrides);
  await mirrorWindow({ redis, prefix, row });
  return { row, windowId: row.id, eventId: row.eventId };
};

/** SCHEDULED -> OPEN in Redis and the lottery run, at simulated `nowMs`. */
export const openWindow = async (
  redis: Redis,
  prefix: string,
  w: TestWindow,
  nowMs = w.row.startsAt.getTime(),
) => {
  w.row = { ...w.row, status: 'OPEN' };
  await mirrorWindow({ redis, prefix, row: w.row });
  return runLottery({ redis, prefix, windowId: w.windowId, nowMs });
};

export const openPreQueue = (redis: Redis, prefix: string, w: TestWindow) =>
  commitLotterySeed({ redis, prefix, windowId: w.windowId });

export const joinAll = async (
  redis: Redis,
  prefix: string,
  w: TestWindow,
  userIds: string[],
  nowMs: number,
) => {
  for (const userId of userIds) {
    ZQueuePlace.parse(
      await joinWaitingRoom({ redis, prefix, windowId: w.windowId, userId, nowMs }),
    );
  }
};

/** A fan's status, checked against the contract the API's output validation applies. */
export const statusOf = async (
  redis: Redis,
  prefix: string,
  w: TestWindow,
  userId: string,
  nowMs?: number,
) =>
  ZQueueStatus.parse(
    await readQueueStatus({
      redis,
      prefix,
      windowId: w.windowId,
      userId,
      tokenSecret: TOKEN_SECRET,
      ...(nowMs !== undefined && { nowMs }),
    }),
  );

/** Fans still waiting, in the order they will be admitted (returned first, then the queue). */
export const waitingOrder = async (redis: Redis, prefix: string, w: TestWindow) => {
  const k = windowKeys({ prefix, windowId: w.windowId });
  return [...(await redis.zrange(k.returned, 0, -1)), ...(await redis.zrange(k.queue, 0, -1))];
};

/** userId -> admission record fields, for every admitted fan. */
export const admissions = async (redis: Redis, prefix: string, w: TestWindow) => {
  const raw = await redis.hgetall(windowKeys({ prefix, windowId: w.windowId }).admitted);
  return Object.fromEntries(
    Object.entries(raw).map(([userId, value]) => {
      const [admittedAt, expiresAt, jti, state] = value.split('|');
      return [
        userId,
        { admittedAt: Number(admittedAt), expiresAt: Number(expiresAt), jti: jti!, state: state! },
      ];
    }),
  );
};

export const fans = (n: number, label = 'fan') =>
  Array.from({ length: n }, (_, i) => `${label}-${String(i + 1).padStart(5, '0')}`);
