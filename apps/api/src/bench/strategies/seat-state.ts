// The bench's seats, in Postgres (its own bench_seats table, no Prisma migration) and in Redis
// (the real seat state, installed as a venue loader would): reset before each run, counted after.
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { installEventSeatState } from '@tessera/core/holds/install-event-seat-state';
import { eventKeys } from '@tessera/core/holds/keys';
import { encodeSeatLayout } from '@tessera/core/holds/seat-layout';

export const PG_EVENT_ID = 1;
export const REDIS_EVENT_ID = 'bench-strategies';
// Even, so holds of aligned pairs never strand a single seat (which the Lua script refuses).
const SEATS_PER_ROW = 20;

export const createSeatTable = (pool: pg.Pool) =>
  pool.query(`CREATE TABLE IF NOT EXISTS bench_seats (
    event_id int, seat_id int, holder text, version int NOT NULL DEFAULT 0,
    held_until timestamptz, PRIMARY KEY (event_id, seat_id))`);

const dropPrefix = async (redis: Redis, prefix: string) => {
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
    if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  }
};

/** Seats 1..seats all free, in both stores. */
export const resetSeats = async (options: {
  pool: pg.Pool;
  redis: Redis;
  prefix: string;
  seats: number;
}) => {
  const { pool, redis, prefix, seats } = options;
  await pool.query('TRUNCATE bench_seats');
  await pool.query(
    'INSERT INTO bench_seats (event_id, seat_id) SELECT $1, s FROM generate_series(1, $2) s',
    [PG_EVENT_ID, seats],
  );
  await pool.query('ANALYZE bench_seats');
  await dropPrefix(redis, prefix);
  const layout = encodeSeatLayout({
    seats: Array.from({ length: seats }, (_, i) => ({
      id: i + 1,
      rowId: Math.floor(i / SEATS_PER_ROW) + 1,
      position: (i % SEATS_PER_ROW) + 1,
      tierId: 1,
      x: (i % SEATS_PER_ROW) + 1,
      y: Math.floor(i / SEATS_PER_ROW) * 10,
    })),
    stage: { x: SEATS_PER_ROW / 2, y: -10 },
  });
  await installEventSeatState({
    redis,
    prefix,
    eventId: REDIS_EVENT_ID,
    state: { layout, soldSeatIds: [], holds: [], versionFloor: 0 },
  });
};

/** Seats that have a holder after a run, in the store the strategy used. */
export const countHeldSeats = async (options: {
  pool: pg.Pool;
  redis: Redis;
  prefix: string;
  store: 'redis' | 'postgres';
}) => {
  if (options.store === 'postgres') {
    const { rows } = await options.pool.query<{ held: number }>(
      'SELECT count(*)::int AS held FROM bench_seats WHERE event_id = $1 AND holder IS NOT NULL',
      [PG_EVENT_ID],
    );
    return rows[0]!.held;
  }
  const keys = eventKeys({ prefix: options.prefix, eventId: REDIS_EVENT_ID });
  const values = await options.redis.hvals(keys.seats);
  return values.filter((value) => value !== '0').length;
};

export const dropSeatState = (options: { redis: Redis; prefix: string }) =>
  dropPrefix(options.redis, options.prefix);
