// hold-7's admission-token hook (filled in by the waiting-room issue): the caller verifies the
// token's signature, the script checks its claims against the user, the event and Redis time.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdSeats, type HoldSeatsOptions } from './hold-seats.ts';
import { installGrid, readSeats, refusalOf, useTestRedis } from './test-support.ts';

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

describe('holdSeats admission hook', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = await newEvent();
  });
  const farFuture = () => Date.now() + 3_600_000;

  it('refuses with ADMISSION_REQUIRED when no token, another user or event, or an expired token', async () => {
    const claimsFor = (overrides: object) => ({
      userId: 'fan-1',
      eventId,
      expiresAt: farFuture(),
      ...overrides,
    });
    for (const claims of [
      undefined,
      claimsFor({ userId: 'fan-2' }),
      claimsFor({ eventId: randomUUID() }),
      claimsFor({ expiresAt: 1 }),
    ]) {
      const error = await refusalOf(
        hold(eventId, [101, 102], { admission: { required: true, claims } }),
      );
      expect(error.refusal).toBe('ADMISSION_REQUIRED');
    }
    expect((await readSeats(redis, prefix, eventId))['101']).toBe('0');
  });

  it('lets an admitted fan hold', async () => {
    const admission = {
      required: true,
      claims: { userId: 'fan-1', eventId, expiresAt: farFuture() },
    };
    expect((await hold(eventId, [101, 102], { admission })).seatIds).toEqual([101, 102]);
  });
});
