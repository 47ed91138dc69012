// End to end in Redis with the real clock: an admitted fan's token lets them hold during the
// window, nobody else can use it, a completed order consumes it, and inventory-aware admission
// stops when the seats cannot serve the next fan and says "sold out" once nothing can come back.
import { describe, expect, it } from 'vitest';
import type { AdmissionClaims } from '@tessera/contracts/waiting-room';
import { holdSeats } from '../holds/hold-seats.ts';
import { redisTimeMs } from '../holds/seat-state-codec.ts';
import { sellHold } from '../holds/sell-hold.ts';
import { installGrid, refusalOf, useTestRedis } from '../holds/test-support.ts';
import { verifyAdmissionToken } from './admission-token.ts';
import { advanceAdmission } from './advance-admission.ts';
import { consumeAdmission } from './consume-admission.ts';
import { findWaitingRoomWindow } from './find-waiting-room-window.ts';
import { joinWaitingRoom } from './join-waiting-room.ts';
import { readWindowStats } from './read-window-stats.ts';
import {
  TOKEN_SECRET,
  fans,
  installWindow,
  joinAll,
  openWindow,
  statusOf,
} from './test-support.ts';

const { redis, prefix } = useTestRedis();
const redisNow = async () => redisTimeMs((await redis.time()) as unknown as [string, string]);

/** One row of 8 seats (101..108), a running INVENTORY window, perFan 4. */
const saleInProgress = async () => {
  const eventId = await installGrid({ redis, prefix, rows: 1, seatsPerRow: 8 });
  const now = await redisNow();
  const w = await installWindow(redis, prefix, {
    eventId,
    status: 'OPEN',
    startsAt: new Date(now - 1_000),
    endsAt: new Date(now + 3_600_000),
    admissionMode: 'INVENTORY',
    admissionRatePerMinute: null,
    perFanSeatLimit: 4,
  });
  await openWindow(redis, prefix, w, now);
  await joinAll(redis, prefix, w, fans(6), now);
  return { w, eventId };
};

const holdAs = (
  eventId: string,
  userId: string,
  seatIds: number[],
  claims?: AdmissionClaims | null,
) =>
  holdSeats({
    redis,
    prefix,
    eventId,
    userId,
    seatIds,
    ttlMs: 300_000,
    perUserSeatLimit: 4,
    admissionClaims: claims ?? null,
  });

describe('admission tokens and inventory-aware admission', () => {
  it('admits only as many fans as the seats can serve, then marks the sale sold out', async () => {
    const { w, eventId } = await saleInProgress();
    expect(await findWaitingRoomWindow({ redis, prefix, eventId })).toMatchObject({
      windowId: w.windowId,
      status: 'OPEN',
      perFanSeatLimit: 4,
    });
    // 8 free seats, up to 4 each: two fans.
    expect(await advanceAdmission({ redis, prefix, windowId: w.windowId })).toMatchObject({
      admitted: 2,
      soldOut: false,
    });
    const [one, two] = await Promise.all(
      ['fan-00001', 'fan-00002'].map((u) => statusOf(redis, prefix, w, u)),
    );
    expect(one!.state).toBe('ADMITTED');
    const claimsOne = verifyAdmissionToken(TOKEN_SECRET, one!.admission!.token)!;
    const claimsTwo = verifyAdmissionToken(TOKEN_SECRET, two!.admission!.token)!;
    expect(claimsOne).toMatchObject({ userId: 'fan-00001', eventId, windowId: w.windowId });
    expect(claimsOne.expiresAt).toBe(one!.admission!.expiresAt);

    // Without a token, or with someone else's, a waiting fan cannot hold.
    const noToken = await refusalOf(holdAs(eventId, 'fan-00003', [101, 102]));
    expect(noToken.message).toBe('ADMISSION_REQUIRED (1)');
    const stolen = await refusalOf(holdAs(eventId, 'fan-00003', [101, 102], claimsOne));
    expect(stolen.message).toBe('ADMISSION_REQUIRED (3)');

    const holdOne = await holdAs(eventId, 'fan-00001', [101, 102, 103, 104], claimsOne);
    const holdTwo = await holdAs(eventId, 'fan-00002', [105, 106, 107, 108], claimsTwo);
    // Every seat is held by an admitted fan: nobody else is let in, but it is not sold out yet.
    expect(await advanceAdmission({ redis, prefix, windowId: w.windowId })).toMatchObject({
      admitted: 0,
      soldOut: false,
    });
    expect((await statusOf(redis, prefix, w, 'fan-00003')).state).toBe('WAITING');

    // Both orders complete: seats sold, admissions consumed, the token no longer holds.
    for (const [userId, hold] of [
      ['fan-00001', holdOne],
      ['fan-00002', holdTwo],
    ] as const) {
      await sellHold({ redis, prefix, eventId, holdId: hold.holdId, userId });
      expect(await consumeAdmission({ redis, prefix, eventId, windowId: w.windowId, userId })).toBe(
        true,
      );
    }
    expect(
      await consumeAdmission({ redis, prefix, eventId, windowId: w.windowId, userId: 'fan-00001' }),
    ).toBe(false);
    const reused = await refusalOf(holdAs(eventId, 'fan-00001', [101], claimsOne));
    expect(reused.message).toBe('ADMISSION_REQUIRED (6)');
    expect((await statusOf(redis, prefix, w, 'fan-00001')).state).toBe('EXPIRED');

    expect(await advanceAdmission({ redis, prefix, windowId: w.windowId })).toMatchObject({
      admitted: 0,
      soldOut: true,
    });
    expect((await statusOf(redis, prefix, w, 'fan-00004')).state).toBe('SOLD_OUT');
    await expect(
      joinWaitingRoom({ redis, prefix, windowId: w.windowId, userId: 'newcomer' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const stats = await readWindowStats({ redis, prefix, windowId: w.windowId });
    expect(stats).toMatchObject({ soldOut: true, consumed: 2, admittedTotal: 2, queueLength: 4 });
  });

  it('lets the next fan in when a hold is released and its seats come back', async () => {
    const { w, eventId } = await saleInProgress();
    await advanceAdmission({ redis, prefix, windowId: w.windowId });
    const one = await statusOf(redis, prefix, w, 'fan-00001');
    const claims = verifyAdmissionToken(TOKEN_SECRET, one.admission!.token)!;
    const hold = await holdAs(eventId, 'fan-00001', [101, 102, 103, 104], claims);
    await sellHold({ redis, prefix, eventId, holdId: hold.holdId, userId: 'fan-00001' });
    await consumeAdmission({ redis, prefix, eventId, windowId: w.windowId, userId: 'fan-00001' });
    // 4 seats left, fan 2 admitted and not holding yet: nobody else fits.
    expect((await advanceAdmission({ redis, prefix, windowId: w.windowId })).admitted).toBe(0);
    // Fan 2's session ends unused (simulated an hour later): the 4 seats serve fan 3.
    const later = (await redisNow()) + 700_000;
    expect(
      (await advanceAdmission({ redis, prefix, windowId: w.windowId, nowMs: later })).admitted,
    ).toBe(1);
    expect((await statusOf(redis, prefix, w, 'fan-00003', later)).state).toBe('ADMITTED');
  });
});
