// The tick's view of active events: only events with changes past the recorded applied version.
import { afterAll, describe, expect, it } from 'vitest';
import {
  connectTestRedis,
  dropPrefix,
  installGrid,
  randomPrefix,
  readVersion,
} from '../holds/test-support.ts';
import { holdSeats } from '../holds/hold-seats.ts';
import { listEventsBehind, markEventActive, recordAppliedVersion } from './active-events.store.ts';

const redis = connectTestRedis();
const prefix = randomPrefix();
afterAll(async () => {
  await dropPrefix(redis, prefix);
  redis.disconnect();
});

describe('listEventsBehind', () => {
  it('lists events never applied or with newer versions, and skips unloaded ones', async () => {
    const caughtUp = await installGrid({ redis, prefix, rows: 1, seatsPerRow: 4 });
    const neverApplied = await installGrid({ redis, prefix, rows: 1, seatsPerRow: 4 });
    const unloaded = '00000000-0000-4000-8000-0000000000ff';
    for (const eventId of [caughtUp, neverApplied, unloaded]) {
      await markEventActive({ redis, prefix, eventId });
    }
    const version = await readVersion(redis, prefix, caughtUp);
    await recordAppliedVersion({ redis, prefix, eventId: caughtUp, version });

    expect(await listEventsBehind({ redis, prefix })).toEqual([neverApplied]);

    await holdSeats({
      redis,
      prefix,
      eventId: caughtUp,
      userId: 'fan',
      seatIds: [101, 102],
      ttlMs: 60_000,
      perUserSeatLimit: 4,
    });
    expect((await listEventsBehind({ redis, prefix })).sort()).toEqual(
      [caughtUp, neverApplied].sort(),
    );
  });
});
