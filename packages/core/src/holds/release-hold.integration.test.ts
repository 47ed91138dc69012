// release-6 against a real Redis: only the owner releases, and the seats come free at once.
import { describe, expect, it } from 'vitest';
import { releaseHold } from './release-hold.ts';
import {
  readSeats,
  readStream,
  refusalOf,
  setUpOneRowEvent,
  useTestRedis,
} from './test-support.ts';

const { redis, prefix } = useTestRedis();
const setUp = () => setUpOneRowEvent({ redis, prefix });

describe('releaseHold', () => {
  it('refuses another user (NOT_FOUND, seats untouched) and frees the owner’s seats', async () => {
    const { store, hold, eventId } = await setUp();
    const held = await hold([101, 102]);
    const entriesBefore = (await readStream(redis, prefix, eventId)).length;
    const error = await refusalOf(releaseHold({ ...store, holdId: held.holdId, userId: 'fan-2' }));
    expect(error.refusal).toBe('NOT_FOUND');
    expect((await readSeats(redis, prefix, eventId))['101']).toBe(
      `${held.expiresAt}:${held.holdId}`,
    );

    const { version } = await releaseHold({ ...store, holdId: held.holdId, userId: 'fan-1' });
    expect(version).toBe(held.version + 1);
    const seats = await readSeats(redis, prefix, eventId);
    expect([seats['101'], seats['102']]).toEqual(['0', '0']);
    const stream = await readStream(redis, prefix, eventId);
    expect(stream).toHaveLength(entriesBefore + 1); // one entry, none for the refusal
    expect(stream.at(-1)).toMatchObject({
      v: String(version),
      type: 'release',
      seats: '101,102',
    });
    expect(
      (await refusalOf(releaseHold({ ...store, holdId: held.holdId, userId: 'fan-1' }))).refusal,
    ).toBe('NOT_FOUND');
  });
});
