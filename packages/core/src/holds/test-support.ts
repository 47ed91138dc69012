// Shared set-up for the holds integration tests: a Redis client on the test database, a random
// key prefix per test file, hand-made seat grids, and readers for the raw keys under test.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, expect, vi } from 'vitest';
import { deleteKeysByPrefix } from '../infra/delete-keys.ts';
import { createRedisClient } from '../infra/redis-client.ts';
import { holdSeats } from './hold-seats.ts';
import { HoldRefusedError } from './hold-refusal.ts';
import { eventKeys } from './keys.ts';
import { redisTimeMs } from './seat-state-codec.ts';
import { installEventSeatState } from './install-event-seat-state.ts';
import { encodeSeatLayout, type LayoutSeat } from './seat-layout.ts';

/** The test Redis (TEST_REDIS_URL via the vitest preset): one server, or a cluster. */
export const connectTestRedis = () =>
  createRedisClient({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1' });

export const randomPrefix = () => `test:holds:${randomUUID().slice(0, 8)}:`;

/** A Redis client and a fresh key prefix for one test file; both are cleaned up after it. */
export const useTestRedis = () => {
  const redis = connectTestRedis();
  const prefix = randomPrefix();
  afterAll(async () => {
    await dropPrefix(redis, prefix);
    redis.disconnect();
  });
  return { redis, prefix };
};

/** Deletes every key this test file wrote. */
export const dropPrefix = async (redis: Redis, prefix: string) => {
  await deleteKeysByPrefix(redis, prefix);
};

/**
 * Rows 1..rows of seats 1..seatsPerRow; seat id = row * 100 + position, x = position,
 * y = row * 10, stage at the middle of the front: row 1 is best, its centre is the middle seat(s).
 */
export const gridSeats = ({
  rows,
  seatsPerRow,
  tierOfRow = () => 1,
}: {
  rows: number;
  seatsPerRow: number;
  tierOfRow?: (row: number) => number;
}): LayoutSeat[] =>
  Array.from({ length: rows * seatsPerRow }, (_, i) => {
    const row = Math.floor(i / seatsPerRow) + 1;
    const position = (i % seatsPerRow) + 1;
    return {
      id: row * 100 + position,
      rowId: row,
      position,
      tierId: tierOfRow(row),
      x: position,
      y: row * 10,
    };
  });

export const installGrid = async (options: {
  redis: Redis;
  prefix: string;
  eventId?: string;
  rows: number;
  seatsPerRow: number;
  tierOfRow?: (row: number) => number;
  soldSeatIds?: number[];
}) => {
  const eventId = options.eventId ?? randomUUID();
  const layout = encodeSeatLayout({
    seats: gridSeats(options),
    stage: { x: (options.seatsPerRow + 1) / 2, y: 0 },
  });
  await installEventSeatState({
    redis: options.redis,
    prefix: options.prefix,
    eventId,
    state: { layout, soldSeatIds: options.soldSeatIds ?? [], holds: [], versionFloor: 0 },
  });
  return eventId;
};

export const readSeats = async (redis: Redis, prefix: string, eventId: string) =>
  redis.hgetall(eventKeys({ prefix, eventId }).seats);

export const readVersion = async (redis: Redis, prefix: string, eventId: string) =>
  Number(await redis.hget(eventKeys({ prefix, eventId }).meta, 'version'));

/** The event's change stream as plain objects (field -> value). */
export const readStream = async (redis: Redis, prefix: string, eventId: string) =>
  (await redis.xrange(eventKeys({ prefix, eventId }).stream, '-', '+')).map(([, fields]) => {
    const entry: Record<string, string> = {};
    for (let i = 0; i < fields.length; i += 2) entry[fields[i]!] = fields[i + 1]!;
    return entry;
  });

/** The HoldRefusedError a call rejects with (fails the test if it resolves). */
export const refusalOf = async (call: Promise<unknown>): Promise<HoldRefusedError> => {
  try {
    await call;
  } catch (error) {
    if (error instanceof HoldRefusedError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
};

/** Resolves once Redis's own clock (the one the scripts use) is past `ms`. */
export const redisClockPast = async (redis: Redis, ms: number) => {
  const [seconds, micros] = await redis.time();
  return redisTimeMs([String(seconds), String(micros)]) > ms;
};

/** One row of 8 seats (101..108) on a new event, with a hold helper and a wait on Redis time. */
export const setUpOneRowEvent = async ({ redis, prefix }: { redis: Redis; prefix: string }) => {
  const eventId = await installGrid({ redis, prefix, rows: 1, seatsPerRow: 8 });
  const store = { redis, prefix, eventId };
  const hold = (seatIds: number[], ttlMs = 60_000, userId = 'fan-1') =>
    holdSeats({ ...store, userId, seatIds, ttlMs, perUserSeatLimit: 6 });
  const waitUntilPast = (ms: number) =>
    vi.waitFor(async () => expect(await redisClockPast(redis, ms)).toBe(true), {
      timeout: 5_000,
      interval: 20,
    });
  return { eventId, store, hold, waitUntilPast, keys: eventKeys(store) };
};
