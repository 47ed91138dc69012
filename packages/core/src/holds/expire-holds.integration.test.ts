// expire-6 against a real Redis: the sweeper frees exactly the seats whose own expiry passed.
import { describe, expect, it } from 'vitest';
import { expireHolds } from './expire-holds.ts';
import { releaseHold } from './release-hold.ts';
import { sellHold } from './sell-hold.ts';
import {
  readSeats,
  readStream,
  readVersion,
  refusalOf,
  setUpOneRowEvent,
  useTestRedis,
} from './test-support.ts';

const { redis, prefix } = useTestRedis();
const setUp = () => setUpOneRowEvent({ redis, prefix });

describe('expireHolds', () => {
  it('frees only seats whose own expiry passed, in one versioned change per batch', async () => {
    const { store, hold, eventId, waitUntilPast } = await setUp();
    const early = await hold([101, 102], 200);
    const late = await hold([105, 106], 60_000, 'fan-2');
    expect(await expireHolds(store)).toEqual({ version: null, freed: [] });

    await waitUntilPast(early.expiresAt);
    const before = await readVersion(redis, prefix, eventId);
    const streamBefore = await readStream(redis, prefix, eventId);
    const swept = await expireHolds(store);
    expect(swept.version).toBe(before + 1);
    expect(swept.freed).toEqual([
      { seatId: 101, holdId: early.holdId },
      { seatId: 102, holdId: early.holdId },
    ]);
    const seats = await readSeats(redis, prefix, eventId);
    expect([seats['101'], seats['102']]).toEqual(['0', '0']);
    expect(seats['105']).toBe(`${late.expiresAt}:${late.holdId}`);
    const stream = await readStream(redis, prefix, eventId);
    expect(stream).toHaveLength(streamBefore.length + 1);
    expect(stream.at(-1)).toMatchObject({
      v: String(swept.version),
      type: 'expire',
      seats: `101:${early.holdId},102:${early.holdId}`,
    });

    expect(await expireHolds(store)).toEqual({ version: null, freed: [] });
    expect(
      (await refusalOf(sellHold({ ...store, holdId: early.holdId, userId: 'fan-1' }))).refusal,
    ).toBe('HOLD_EXPIRED');
    expect(
      (await refusalOf(releaseHold({ ...store, holdId: early.holdId, userId: 'fan-1' }))).refusal,
    ).toBe('HOLD_EXPIRED');
  });

  it('frees at most one batch per call', async () => {
    const { store, hold, waitUntilPast } = await setUp();
    const held = await hold([101, 102, 103], 100);
    await waitUntilPast(held.expiresAt);
    expect((await expireHolds({ ...store, batchSize: 2 })).freed).toHaveLength(2);
    expect((await expireHolds({ ...store, batchSize: 2 })).freed).toEqual([
      { seatId: 103, holdId: held.holdId },
    ]);
  });

  it('expires two holds with the same ttl made at different times each on its own clock', async () => {
    const { store, hold, eventId, waitUntilPast } = await setUp();
    const first = await hold([101, 102], 1_000);
    // The second hold starts 600 ms (Redis time) after the first, so it expires 600 ms later.
    await waitUntilPast(first.expiresAt - 400);
    const second = await hold([105, 106], 1_000, 'fan-2');
    expect(second.expiresAt - first.expiresAt).toBeGreaterThanOrEqual(600);

    await waitUntilPast(first.expiresAt);
    expect((await expireHolds(store)).freed.map((f) => f.holdId)).toEqual([
      first.holdId,
      first.holdId,
    ]);
    expect((await readSeats(redis, prefix, eventId))['105']).toBe(
      `${second.expiresAt}:${second.holdId}`,
    );

    await waitUntilPast(second.expiresAt);
    expect((await expireHolds(store)).freed).toEqual([
      { seatId: 105, holdId: second.holdId },
      { seatId: 106, holdId: second.holdId },
    ]);
  });
});
