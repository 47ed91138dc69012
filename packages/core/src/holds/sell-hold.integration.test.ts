// sell-6 against a real Redis: sells a live (or extended) hold once, never an expired one.
import { describe, expect, it } from 'vitest';
import { extendHold } from './extend-hold.ts';
import { sellHold } from './sell-hold.ts';
import {
  readSeats,
  readStream,
  refusalOf,
  setUpOneRowEvent,
  useTestRedis,
} from './test-support.ts';

const { redis, prefix } = useTestRedis();
const setUp = () => setUpOneRowEvent({ redis, prefix });

describe('sellHold', () => {
  it('sells a live extended hold once; sold seats cannot be held', async () => {
    const { store, hold, eventId, keys } = await setUp();
    const held = await hold([101, 102]);
    await extendHold({
      ...store,
      holdId: held.holdId,
      userId: 'fan-1',
      extensionMs: 120_000,
      maxLifetimeMs: 600_000,
    });
    const streamBefore = await readStream(redis, prefix, eventId);
    const { version } = await sellHold({ ...store, holdId: held.holdId, userId: 'fan-1' });
    const seats = await readSeats(redis, prefix, eventId);
    expect([seats['101'], seats['102']]).toEqual(['s', 's']);
    expect(await redis.zcard(keys.expiry)).toBe(0);
    const stream = await readStream(redis, prefix, eventId);
    expect(stream).toHaveLength(streamBefore.length + 1);
    expect(stream.at(-1)).toMatchObject({
      v: String(version),
      type: 'sell',
      hold: held.holdId,
      seats: '101,102',
    });
    expect(
      (await refusalOf(sellHold({ ...store, holdId: held.holdId, userId: 'fan-1' }))).refusal,
    ).toBe('ALREADY_SOLD');
    expect((await refusalOf(hold([101, 102], 60_000, 'fan-2'))).refusal).toBe('SEAT_TAKEN');
  });

  it('refuses an expired hold with HOLD_EXPIRED and sells nothing', async () => {
    const { store, hold, eventId, waitUntilPast } = await setUp();
    const held = await hold([101, 102], 100);
    await waitUntilPast(held.expiresAt);
    const error = await refusalOf(sellHold({ ...store, holdId: held.holdId, userId: 'fan-1' }));
    expect(error.refusal).toBe('HOLD_EXPIRED');
    expect(error.code).toBe('HOLD_EXPIRED');
    expect((await readSeats(redis, prefix, eventId))['101']).not.toBe('s');
  });
});
