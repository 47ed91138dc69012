// Puts a waiting-room window's queue and passes back into Redis from their Postgres copy (written
// by the worker's tick, mirror-waiting-room.ts) when Redis lost the window, e.g. it restarted
// empty. Runs once per window per Redis lifetime (the config's `restored` flag), before the window
// config is mirrored, so no join lands in between and takes a restored fan's place.
import type { Db, PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { eventGateKeys, LATE_BASE, windowKeys } from './keys.ts';
import { windowCommands, windowKeyList } from './lua-scripts.ts';
import { nowArg } from './waiting-room-options.ts';
import { readLastConfirmations, readWindowFans } from './waiting-room-fans.repository.ts';

const CHUNK = 1_000;
/** An ended or cancelled window has nobody left to let in. */
const LIVE = new Set<Db.OnSaleStatus>(['SCHEDULED', 'OPEN', 'PAUSED']);

export interface RestoreWindowOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  row: Db.OnSaleWindow;
  /** Simulated time (epoch ms); omitted: Redis TIME (and Date.now() for "has it started"). */
  nowMs?: number;
}

export interface RestoreWindowResult {
  /** False when Redis still had the window (nothing to do). */
  restored: boolean;
  fans: number;
  passes: number;
}

/** Largest value (0 for none); a spread into Math.max would overflow the stack at 100k fans. */
const highest = (values: number[]) => values.reduce((max, value) => Math.max(max, value), 0);

const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

export const restoreLostWindowState = async ({
  prisma,
  redis,
  prefix,
  row,
  nowMs,
}: RestoreWindowOptions): Promise<RestoreWindowResult> => {
  const keys = windowKeys({ prefix, windowId: row.id });
  const none = { restored: false, fans: 0, passes: 0 };
  if (!row.waitingRoomEnabled || !LIVE.has(row.status)) return none;
  if ((await redis.hget(keys.config, 'restored')) === '1') return none;
  const rows = await readWindowFans(prisma, row.id);
  const admitted = rows.filter((fan) => fan.pass !== null);
  const waiting = rows.filter((fan) => fan.pass === null);
  // A pass issued before the fan's order was confirmed was used by that order (checkout
  // consumes it at confirmation).
  const confirmedAt =
    admitted.length > 0
      ? await readLastConfirmations(prisma, row.eventId)
      : new Map<string, number>();
  const isUsed = (fan: (typeof admitted)[number]) =>
    (confirmedAt.get(fan.userId) ?? -Infinity) >= fan.pass!.admittedAt;

  const commands = windowCommands(redis);
  const script = (...args: string[]) => commands.tesseraWrRestore_v1(...args);
  const keyList = windowKeyList(keys);
  const now = nowArg(nowMs);
  for (const part of chunks(admitted)) {
    const args = part.flatMap((fan) => [
      fan.userId,
      String(fan.joinedAt),
      String(fan.order),
      String(fan.pass!.admittedAt),
      String(fan.pass!.expiresAt),
      String(fan.pass!.jti),
      isUsed(fan) ? '1' : '0',
    ]);
    await script(...keyList, 'passes', now, ...args);
  }
  const used = admitted.filter(isUsed).map((fan) => `${row.id}:${fan.pass!.jti}`);
  if (used.length > 0)
    await redis.sadd(eventGateKeys({ prefix, eventId: row.eventId }).consumed, used);
  for (const part of chunks(waiting)) {
    const args = part.flatMap((fan) => [fan.userId, String(fan.joinedAt), String(fan.order)]);
    await script(...keyList, 'fans', now, ...args);
  }

  const preQueue = waiting.filter((fan) => fan.order === 0);
  const started = row.status !== 'SCHEDULED' && row.startsAt.getTime() <= (nowMs ?? Date.now());
  await script(
    ...keyList,
    'finish',
    now,
    String(highest(rows.map((fan) => fan.order - LATE_BASE))),
    String(highest(admitted.map((fan) => fan.pass!.jti))),
    String(admitted.length),
    row.lotterySeed ?? '',
    row.lotterySeed ? (row.lotteryCommitment ?? '') : '',
    started ? '1' : '',
    preQueue.length > 0 ? String(highest(preQueue.map((fan) => fan.joinedAt))) : '',
  );
  return { restored: true, fans: waiting.length, passes: admitted.length };
};
