// The worker's tick copies a live window's waiting room into Postgres (waiting_room_fans), so a
// rebuild after Redis restarted empty can restore it (restore-window.ts). Joins stay pure Redis:
// the tick reads what arrived since its cursors (kept in the window config) and writes it in one
// batch; the admission step's passes are written right after the step that issued them.
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { redisTimeMs } from '../holds/seat-state-codec.ts';
import type { AdmissionPass } from './advance-admission.ts';
import { LATE_BASE, windowKeys } from './keys.ts';
import { saveJoins, savePasses, type MirroredJoin } from './waiting-room-fans.repository.ts';

export interface MirrorWaitingRoomOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  windowId: string;
  /** Simulated time (epoch ms); omitted: Redis TIME. */
  nowMs?: number;
  /** Most joins of each kind copied per call; a larger backlog is caught up over the next ticks. */
  batchSize?: number;
}

export interface MirrorWaitingRoomResult {
  joins: number;
  /** Passes copied because an earlier step's were not (its worker died, or no worker ran it). */
  passesCaughtUp: number;
}

const pairs = (flat: string[]) =>
  Array.from(
    { length: flat.length / 2 },
    (_, i) => [flat[2 * i]!, Number(flat[2 * i + 1])] as const,
  );

/** Passes with a pass id above `after`, read from the window's admitted hash. */
const readPassesAfter = async (redis: Redis, admittedKey: string, after: number) => {
  const raw = await redis.hgetall(admittedKey);
  return Object.entries(raw).flatMap(([userId, value]): AdmissionPass[] => {
    const [admittedAt, expiresAt, jti] = value.split('|').map(Number);
    return jti! > after
      ? [{ userId, jti: jti!, admittedAt: admittedAt!, expiresAt: expiresAt! }]
      : [];
  });
};

/** Copies the joins since the last call (and any passes an earlier step left uncopied). */
export const mirrorWaitingRoom = async ({
  prisma,
  redis,
  prefix,
  windowId,
  nowMs,
  batchSize = 10_000,
}: MirrorWaitingRoomOptions): Promise<MirrorWaitingRoomResult> => {
  const keys = windowKeys({ prefix, windowId });
  const [seqCursor, preCursor, jtiSeq, mirroredJti] = (
    await redis.hmget(keys.config, 'mirroredSeq', 'mirroredPreMs', 'jtiSeq', 'mirroredJti')
  ).map((value) => Number(value ?? 0)) as [number, number, number, number];
  // Late arrivals carry an arrival number given atomically with their place, so every number up
  // to the highest read is already there. Pre-queue joins are scored by join time: those of the
  // current millisecond may still be arriving, so they wait for the next call.
  const now = nowMs ?? redisTimeMs((await redis.time()) as unknown as [string, string]);
  const [late, early] = await Promise.all([
    redis.zrangebyscore(
      keys.queue,
      `(${LATE_BASE + seqCursor}`,
      '+inf',
      'WITHSCORES',
      'LIMIT',
      0,
      batchSize,
    ),
    redis.zrangebyscore(
      keys.prequeue,
      `(${preCursor}`,
      `(${now}`,
      'WITHSCORES',
      'LIMIT',
      0,
      batchSize,
    ),
  ]);
  const lateJoins = pairs(late);
  const earlyJoins = pairs(early);
  const joinedAt =
    lateJoins.length > 0 ? await redis.hmget(keys.fans, ...lateJoins.map(([id]) => id)) : [];
  const joins: MirroredJoin[] = [
    ...earlyJoins.map(([userId, at]) => ({ userId, joinedAt: at, order: 0 })),
    ...lateJoins.map(([userId, order], i) => ({
      userId,
      order,
      joinedAt: Number(/^(\d+)\|/.exec(joinedAt[i] ?? '')?.[1] ?? now),
    })),
  ];
  await saveJoins(prisma, windowId, joins);
  const cursors: Record<string, number> = {};
  if (lateJoins.length > 0) cursors.mirroredSeq = lateJoins.at(-1)![1] - LATE_BASE;
  if (earlyJoins.length > 0) cursors.mirroredPreMs = earlyJoins.at(-1)![1];

  let passesCaughtUp = 0;
  if (jtiSeq > mirroredJti) {
    const passes = await readPassesAfter(redis, keys.admitted, mirroredJti);
    await savePasses(prisma, windowId, passes);
    passesCaughtUp = passes.length;
    cursors.mirroredJti = passes.reduce((max, pass) => Math.max(max, pass.jti), jtiSeq);
  }
  // Cursors move only after Postgres has the rows: a failed write is retried by the next tick.
  if (Object.keys(cursors).length > 0) await redis.hset(keys.config, cursors);
  return { joins: joins.length, passesCaughtUp };
};

/**
 * Copies the passes one admission step issued. The pass cursor moves only when these follow on
 * from it; otherwise the next mirrorWaitingRoom call finds the gap and copies what is missing.
 */
export const mirrorIssuedPasses = async ({
  prisma,
  redis,
  prefix,
  windowId,
  passes,
}: Omit<MirrorWaitingRoomOptions, 'nowMs' | 'batchSize'> & { passes: AdmissionPass[] }) => {
  if (passes.length === 0) return;
  await savePasses(prisma, windowId, passes);
  const { config } = windowKeys({ prefix, windowId });
  const first = passes.reduce((min, pass) => Math.min(min, pass.jti), Infinity);
  const last = passes.reduce((max, pass) => Math.max(max, pass.jti), 0);
  if (Number((await redis.hget(config, 'mirroredJti')) ?? 0) === first - 1) {
    await redis.hset(config, 'mirroredJti', String(last));
  }
};
