// The Postgres locking strategies peers use, each as a 2-seat hold on the bench_seats table:
// a strategy resolves true when it took every seat, false when one was taken (the route's 409).
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type pg from 'pg';

export interface HoldAttempt {
  eventId: number;
  seatIds: number[];
  holder: string;
}
export type HoldStrategy = (attempt: HoldAttempt) => Promise<boolean>;

const FREE = '(holder IS NULL OR held_until < now())';
const READ = `SELECT seat_id, version, ${FREE} AS free FROM bench_seats
  WHERE event_id = $1 AND seat_id = ANY($2::int[]) ORDER BY seat_id`;
const TAKE = `UPDATE bench_seats SET holder = $3, held_until = now() + interval '60 seconds',
  version = version + 1 WHERE event_id = $1 AND seat_id = ANY($2::int[])`;
// Optimistic: each seat only if its version is still the one read.
const TAKE_IF_UNCHANGED = `UPDATE bench_seats s SET holder = $3,
  held_until = now() + interval '60 seconds', version = s.version + 1
  FROM unnest($2::int[], $4::int[]) AS v(seat_id, version)
  WHERE s.event_id = $1 AND s.seat_id = v.seat_id AND s.version = v.version`;

type Row = { seat_id: number; version: number; free: boolean };
const allFree = (rows: Row[], attempt: HoldAttempt) =>
  rows.length === attempt.seatIds.length && rows.every((row) => row.free);

const inTransaction = async (pool: pg.Pool, work: (client: pg.PoolClient) => Promise<boolean>) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const held = await work(client);
    await client.query(held ? 'COMMIT' : 'ROLLBACK');
    return held;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** Lock the rows (waiting, or skipping locked ones), check they are free, take them. */
const rowLocks =
  (pool: pg.Pool, lock: string): HoldStrategy =>
  (attempt) =>
    inTransaction(pool, async (client) => {
      const args = [attempt.eventId, attempt.seatIds];
      const { rows } = await client.query<Row>(`${READ} ${lock}`, args);
      if (!allFree(rows, attempt)) return false;
      await client.query(TAKE, [...args, attempt.holder]);
      return true;
    });

/** One lock per event (pretix, Hi.Events), then a plain check and update. */
const advisoryLock =
  (pool: pg.Pool): HoldStrategy =>
  (attempt) =>
    inTransaction(pool, async (client) => {
      const args = [attempt.eventId, attempt.seatIds];
      // Its own statement: a read in the same statement would use a snapshot from before the lock.
      await client.query('SELECT pg_advisory_xact_lock($1)', [attempt.eventId]);
      const { rows } = await client.query<Row>(READ, args);
      if (!allFree(rows, attempt)) return false;
      await client.query(TAKE, [...args, attempt.holder]);
      return true;
    });

/** Read without locks, then update only rows whose version is unchanged; all or nothing. */
const optimistic =
  (pool: pg.Pool): HoldStrategy =>
  async (attempt) => {
    const args = [attempt.eventId, attempt.seatIds];
    const { rows } = await pool.query<Row>(READ, args);
    if (!allFree(rows, attempt)) return false;
    const versions = rows.map((row) => row.version);
    const seatIds = rows.map((row) => row.seat_id);
    return inTransaction(pool, async (client) => {
      const taken = await client.query(TAKE_IF_UNCHANGED, [
        attempt.eventId,
        seatIds,
        attempt.holder,
        versions,
      ]);
      return taken.rowCount === seatIds.length;
    });
  };

const COMPARE_AND_DELETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1]) end return 0`;
const LOCK_TTL_MS = 5_000;

/** SET NX PX per event around a Postgres check and update; busy lock → short jittered retry. */
const redisLock =
  (pool: pg.Pool, redis: Redis, prefix: string): HoldStrategy =>
  async (attempt) => {
    const key = `${prefix}lock:${attempt.eventId}`;
    const token = randomUUID();
    const deadline = Date.now() + LOCK_TTL_MS;
    while ((await redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error('redis lock: gave up waiting');
      await delay(1 + Math.random() * 2);
    }
    try {
      const args = [attempt.eventId, attempt.seatIds];
      const { rows } = await pool.query<Row>(READ, args);
      if (!allFree(rows, attempt)) return false;
      await pool.query(TAKE, [...args, attempt.holder]);
      return true;
    } finally {
      await redis.eval(COMPARE_AND_DELETE, 1, key, token);
    }
  };

export const pgStrategies = (options: { pool: pg.Pool; redis: Redis; prefix: string }) => {
  const { pool } = options;
  return {
    'for-update': rowLocks(pool, 'FOR UPDATE'),
    'skip-locked': rowLocks(pool, 'FOR UPDATE SKIP LOCKED'),
    'advisory-event': advisoryLock(pool),
    optimistic: optimistic(pool),
    'redis-lock': redisLock(pool, options.redis, options.prefix),
  } satisfies Record<string, HoldStrategy>;
};
