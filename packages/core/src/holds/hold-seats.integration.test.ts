// hold-7 against a real Redis: all or none, each refusal, lazy expiry, one stream entry per change.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { holdSeats, type HoldSeatsOptions } from './hold-seats.ts';
import {
  installGrid,
  readSeats,
  readStream,
  readVersion,
  redisClockPast,
  refusalOf,
  useTestRedis,
} from './test-support.ts';

const { redis, prefix } = useTestRedis();

// Each test gets its own event: 2 rows of 8 seats, ids 101..108 and 201..208.
const newEvent = () => installGrid({ redis, prefix, rows: 2, seatsPerRow: 8 });
const hold = (eventId: string, seatIds: number[], extra: Partial<HoldSeatsOptions> = {}) =>
  holdSeats({
    redis,
    prefix,
    eventId,
    userId: 'fan-1',
    seatIds,
    ttlMs: 60_000,
    perUserSeatLimit: 6,
    ...extra,
  });

describe('holdSeats', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = await newEvent();
  });

  it('holds free seats, bumps the version and appends exactly one stream entry', async () => {
    const before = await readVersion(redis, prefix, eventId);
    const streamBefore = await readStream(redis, prefix, eventId);
    const result = await hold(eventId, [101, 102]);
    expect(result.version).toBe(before + 1);
    const seats = await readSeats(redis, prefix, eventId);
    expect(seats['101']).toBe(`${result.expiresAt}:${result.holdId}`);
    expect(seats['102']).toBe(`${result.expiresAt}:${result.holdId}`);
    const stream = await readStream(redis, prefix, eventId);
    expect(stream).toHaveLength(streamBefore.length + 1);
    expect(stream.at(-1)).toMatchObject({
      v: String(result.version),
      type: 'hold',
      hold: result.holdId,
      user: 'fan-1',
      seats: '101,102',
      exp: String(result.expiresAt),
    });
  });

  it('refuses with SEAT_TAKEN naming the taken seats, and holds none of the others', async () => {
    const streamBefore = await readStream(redis, prefix, eventId);
    const error = await refusalOf(hold(eventId, [102, 103], { userId: 'fan-2' }));
    expect(error.refusal).toBe('SEAT_TAKEN');
    expect(error.code).toBe('SEAT_TAKEN');
    expect(error.seatIds).toEqual([102]);
    expect((await readSeats(redis, prefix, eventId))['103']).toBe('0');
    expect(await readStream(redis, prefix, eventId)).toHaveLength(streamBefore.length);
  });

  it('refuses unknown seats with NOT_FOUND', async () => {
    const error = await refusalOf(hold(eventId, [205, 999], { userId: 'fan-3' }));
    expect(error.refusal).toBe('NOT_FOUND');
    expect(error.seatIds).toEqual([999]);
    expect((await readSeats(redis, prefix, eventId))['205']).toBe('0');
  });

  it('refuses a seat left alone between taken seats with STRANDED_SEAT', async () => {
    // 101-102 are held; holding 104-105 would leave 103 alone between 102 and 104.
    const error = await refusalOf(hold(eventId, [104, 105], { userId: 'fan-4' }));
    expect(error.refusal).toBe('STRANDED_SEAT');
    expect(error.seatIds).toEqual([103]);
  });

  it('refuses a seat left alone at the row end with STRANDED_SEAT', async () => {
    const error = await refusalOf(hold(eventId, [202, 203], { userId: 'fan-4' }));
    expect(error.seatIds).toEqual([201]);
    expect(await hold(eventId, [201, 202, 203], { userId: 'fan-4' })).toMatchObject({
      seatIds: [201, 202, 203],
    });
  });

  it('refuses with HOLD_LIMIT_REACHED when the user would exceed the per-event limit', async () => {
    await hold(eventId, [204, 205], { userId: 'fan-5', perUserSeatLimit: 3 });
    const error = await refusalOf(
      hold(eventId, [206, 207, 208], { userId: 'fan-5', perUserSeatLimit: 3 }),
    );
    expect(error.refusal).toBe('HOLD_LIMIT_REACHED');
    expect((await readSeats(redis, prefix, eventId))['206']).toBe('0');
  });

  it('refuses a reused hold id', async () => {
    const first = await hold(eventId, [107, 108], { userId: 'fan-6' });
    const error = await refusalOf(
      hold(eventId, [207, 208], { userId: 'fan-6', holdId: first.holdId }),
    );
    expect(error.refusal).toBe('DUPLICATE_HOLD');
  });
});

describe('holdSeats on an event that is not loaded', () => {
  it('refuses with EVENT_NOT_LOADED', async () => {
    const error = await refusalOf(hold(randomUUID(), [101]));
    expect(error.refusal).toBe('EVENT_NOT_LOADED');
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('holdSeats with expired holds', () => {
  it('treats an expired hold as free, for seats and for the per-user limit', async () => {
    const eventId = await newEvent();
    const short = await hold(eventId, [101, 102], { ttlMs: 150, perUserSeatLimit: 2 });
    await vi.waitFor(async () => expect(await redisClockPast(redis, short.expiresAt)).toBe(true), {
      timeout: 5_000,
      interval: 20,
    });
    // The same fan may hold again (the expired seats no longer count) ...
    await hold(eventId, [105, 106], { perUserSeatLimit: 2 });
    // ... and another fan takes the expired seats before any sweep; the change names the old hold.
    const taker = await hold(eventId, [101, 102], { userId: 'fan-2' });
    expect((await readSeats(redis, prefix, eventId))['101']).toBe(
      `${taker.expiresAt}:${taker.holdId}`,
    );
    expect((await readStream(redis, prefix, eventId)).at(-1)?.taken).toBe(
      `101:${short.holdId},102:${short.holdId}`,
    );
  });
});
