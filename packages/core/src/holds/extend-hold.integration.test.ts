// extend-5 against a real Redis: once per hold, capped by the hard maximum, never shorter.
import { describe, expect, it } from 'vitest';
import { extendHold } from './extend-hold.ts';
import {
  readSeats,
  readStream,
  refusalOf,
  setUpOneRowEvent,
  useTestRedis,
} from './test-support.ts';

const { redis, prefix } = useTestRedis();
const setUp = () => setUpOneRowEvent({ redis, prefix });

describe('extendHold', () => {
  it('extends once, capped at the hard maximum lifetime', async () => {
    const { store, hold, eventId, keys } = await setUp();
    const held = await hold([101, 102], 60_000);
    const createdAt = held.expiresAt - 60_000;
    const entriesBefore = (await readStream(redis, prefix, eventId)).length;
    const extended = await extendHold({
      ...store,
      holdId: held.holdId,
      userId: 'fan-1',
      extensionMs: 600_000,
      maxLifetimeMs: 120_000,
    });
    expect(extended.expiresAt).toBe(createdAt + 120_000);
    expect(extended.version).toBe(held.version + 1);
    expect((await readSeats(redis, prefix, eventId))['102']).toBe(
      `${createdAt + 120_000}:${held.holdId}`,
    );
    expect(Number(await redis.zscore(keys.expiry, '102'))).toBe(createdAt + 120_000);
    const stream = await readStream(redis, prefix, eventId);
    expect(stream).toHaveLength(entriesBefore + 1);
    expect(stream.at(-1)).toMatchObject({
      v: String(extended.version),
      type: 'extend',
      exp: String(createdAt + 120_000),
    });

    const again = await refusalOf(
      extendHold({
        ...store,
        holdId: held.holdId,
        userId: 'fan-1',
        extensionMs: 1_000,
        maxLifetimeMs: 120_000,
      }),
    );
    expect(again.refusal).toBe('ALREADY_EXTENDED');
    expect(again.code).toBe('CONFLICT');
    expect(await readStream(redis, prefix, eventId)).toHaveLength(entriesBefore + 1);
  });

  it('never shortens a hold, and refuses another user', async () => {
    const { store, hold } = await setUp();
    const held = await hold([101, 102], 60_000);
    const other = await refusalOf(
      extendHold({
        ...store,
        holdId: held.holdId,
        userId: 'fan-2',
        extensionMs: 1_000,
        maxLifetimeMs: 600_000,
      }),
    );
    expect(other.refusal).toBe('NOT_FOUND');
    const extended = await extendHold({
      ...store,
      holdId: held.holdId,
      userId: 'fan-1',
      extensionMs: 1_000,
      maxLifetimeMs: 600_000,
    });
    expect(extended.expiresAt).toBe(held.expiresAt);
  });
});
