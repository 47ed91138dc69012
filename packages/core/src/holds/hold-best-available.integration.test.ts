// hold-best-9 on a hand-made layout: 2 rows of 6 seats (101..106 in front, 201..206 behind, tiers
// 1 and 2), stage centred in front, so each row's centre is between seats 3 and 4 (index 3.5).
// Expected seats below are worked out by hand from that picture and the rules in the script.
import { describe, expect, it } from 'vitest';
import { holdBestAvailable } from './hold-best-available.ts';
import { installGrid, readSeats, readStream, refusalOf, useTestRedis } from './test-support.ts';

const { redis, prefix } = useTestRedis();

const best = async (options: {
  quantity: number;
  priceTierId?: number;
  soldSeatIds?: number[];
  perUserSeatLimit?: number;
}) => {
  const eventId = await installGrid({
    redis,
    prefix,
    rows: 2,
    seatsPerRow: 6,
    tierOfRow: (row) => row,
    soldSeatIds: options.soldSeatIds,
  });
  const call = holdBestAvailable({
    redis,
    prefix,
    eventId,
    userId: 'fan-1',
    ttlMs: 60_000,
    perUserSeatLimit: options.perUserSeatLimit ?? 6,
    quantity: options.quantity,
    priceTierId: options.priceTierId,
  });
  return { eventId, call };
};

describe('holdBestAvailable', () => {
  it('takes the middle of the front row and announces it', async () => {
    const { eventId, call } = await best({ quantity: 2 });
    const result = await call;
    expect(result.seatIds).toEqual([103, 104]);
    expect((await readSeats(redis, prefix, eventId))['103']).toBe(
      `${result.expiresAt}:${result.holdId}`,
    );
    expect((await readStream(redis, prefix, eventId)).at(-1)).toMatchObject({
      v: String(result.version),
      type: 'hold',
      seats: '103,104',
    });
  });

  it('prefers the lower positions when two blocks are equally central', async () => {
    // 103-104 sold: 101-102 and 105-106 are both 2 seats from the centre.
    const { call } = await best({ quantity: 2, soldSeatIds: [103, 104] });
    expect((await call).seatIds).toEqual([101, 102]);
  });

  it('moves back a row when the front row has no block, skipping blocks that strand a seat', async () => {
    // Row 2 blocks of 3: 201-203 and 204-206 are 1.5 off centre; 202-204 and 203-205 are closer
    // but would leave 201 or 206 alone at the row end.
    const { call } = await best({ quantity: 3, soldSeatIds: [103, 104] });
    expect((await call).seatIds).toEqual([201, 202, 203]);
  });

  it('keeps to the requested price tier', async () => {
    const { call } = await best({ quantity: 2, priceTierId: 2 });
    expect((await call).seatIds).toEqual([203, 204]);
  });

  it('refuses with NO_ADJACENT_SEATS when no row has enough seats together', async () => {
    const { call } = await best({ quantity: 7, perUserSeatLimit: 10 });
    const error = await refusalOf(call);
    expect(error.refusal).toBe('NO_ADJACENT_SEATS');
    expect(error.code).toBe('SEAT_TAKEN');
  });

  it('refuses with HOLD_LIMIT_REACHED over the per-user limit', async () => {
    const { eventId, call } = await best({ quantity: 3, perUserSeatLimit: 2 });
    expect((await refusalOf(call)).refusal).toBe('HOLD_LIMIT_REACHED');
    expect(
      Object.values(await readSeats(redis, prefix, eventId)).every((value) => value === '0'),
    ).toBe(true);
  });

  it('keeps looking past the first page of rows', async () => {
    // 40 rows of 2 seats, rows 1..34 sold out: the first free pair is row 35 (seats 3501, 3502).
    const soldSeatIds = Array.from({ length: 34 }, (_, i) => [
      (i + 1) * 100 + 1,
      (i + 1) * 100 + 2,
    ]).flat();
    const eventId = await installGrid({ redis, prefix, rows: 40, seatsPerRow: 2, soldSeatIds });
    const result = await holdBestAvailable({
      redis,
      prefix,
      eventId,
      userId: 'fan-1',
      ttlMs: 60_000,
      perUserSeatLimit: 6,
      quantity: 2,
    });
    expect(result.seatIds).toEqual([3501, 3502]);
  });
});
