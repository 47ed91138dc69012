// The hold scripts decide by themselves, from the event's waiting-room gate and Redis time, whether
// an admission token is needed; the caller only passes claims it verified by signature.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdmissionClaims } from '@tessera/contracts/waiting-room';
import { eventGateKeys } from '../waiting-room/keys.ts';
import { writeGateEntry } from '../waiting-room/gate.store.ts';
import { holdBestAvailable } from './hold-best-available.ts';
import { holdSeats, type HoldSeatsOptions } from './hold-seats.ts';
import { redisTimeMs } from './seat-state-codec.ts';
import { installGrid, readSeats, refusalOf, useTestRedis } from './test-support.ts';

const { redis, prefix } = useTestRedis();
const redisNow = async () => redisTimeMs((await redis.time()) as unknown as [string, string]);

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

/** A gate whose window runs from `fromNow` to `toNow` ms around Redis time. */
const gateEvent = async (eventId: string, fromNow: number, toNow: number, status = 'OPEN') => {
  const now = await redisNow();
  const windowId = randomUUID();
  await writeGateEntry({
    redis,
    prefix,
    eventId,
    entry: {
      windowId,
      startsAt: now + fromNow,
      endsAt: now + toNow,
      status: status as 'OPEN',
    },
  });
  return windowId;
};

describe('hold scripts and the waiting-room gate', () => {
  let eventId: string;
  let windowId: string;
  let valid: AdmissionClaims;
  beforeAll(async () => {
    eventId = await newEvent();
    windowId = await gateEvent(eventId, -1_000, 3_600_000);
    valid = { userId: 'fan-1', eventId, windowId, expiresAt: Date.now() + 600_000, jti: '7' };
  });

  it('refuses without a token, and a stolen, expired or consumed token, naming the reason', async () => {
    await redis.sadd(eventGateKeys({ prefix, eventId }).consumed, `${windowId}:used`);
    const cases: Array<[AdmissionClaims | null, number]> = [
      [null, 1],
      [{ ...valid, windowId: randomUUID() }, 2],
      [{ ...valid, userId: 'fan-2' }, 3],
      [{ ...valid, eventId: randomUUID() }, 4],
      [{ ...valid, expiresAt: 1 }, 5],
      [{ ...valid, jti: 'used' }, 6],
    ];
    for (const [admissionClaims, reason] of cases) {
      const error = await refusalOf(hold(eventId, [101, 102], { admissionClaims }));
      expect(error.refusal).toBe('ADMISSION_REQUIRED');
      expect(error.message).toBe(`ADMISSION_REQUIRED (${reason})`);
      const best = await refusalOf(
        holdBestAvailable({
          redis,
          prefix,
          eventId,
          userId: 'fan-1',
          quantity: 2,
          ttlMs: 60_000,
          perUserSeatLimit: 6,
          admissionClaims,
        }),
      );
      expect(best.refusal).toBe('ADMISSION_REQUIRED');
    }
    const seats = await readSeats(redis, prefix, eventId);
    expect(Object.values(seats).every((value) => value === '0')).toBe(true);
  });

  it('lets an admitted fan hold, chosen seats and best available', async () => {
    expect((await hold(eventId, [101, 102], { admissionClaims: valid })).seatIds).toEqual([
      101, 102,
    ]);
    const best = await holdBestAvailable({
      redis,
      prefix,
      eventId,
      userId: 'fan-1',
      quantity: 2,
      ttlMs: 60_000,
      perUserSeatLimit: 6,
      admissionClaims: valid,
    });
    expect(best.seatIds).toHaveLength(2);
  });

  it('needs no token before the window starts, after it ends, or once it is ended', async () => {
    for (const [from, to, status] of [
      [60_000, 3_600_000, 'SCHEDULED'],
      [-3_600_000, -1, 'OPEN'],
      [-1_000, 3_600_000, 'ENDED'],
    ] as const) {
      const other = await newEvent();
      await gateEvent(other, from, to, status);
      expect((await hold(other, [101, 102])).seatIds).toEqual([101, 102]);
    }
  });

  it('demands a token from the first millisecond of a scheduled window, before anyone opens it', async () => {
    // Status SCHEDULED (the worker has not run yet) but Redis time is past startsAt.
    const other = await newEvent();
    await gateEvent(other, -1, 3_600_000, 'SCHEDULED');
    expect((await refusalOf(hold(other, [101, 102]))).refusal).toBe('ADMISSION_REQUIRED');
  });
});
