// Loading seat state from Postgres: sold seats stay sold (also after Redis lost the event), live
// holds come back with their own expiry, and concurrent loaders install exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@tessera/db/client';
import { findKeys } from '../infra/delete-keys.ts';
import { holdSeats } from './hold-seats.ts';
import { createLoaderFixture, deleteLoaderFixture, type LoaderFixture } from './loader-fixture.ts';
import { eventKeys, LIVE_KEY_NAMES } from './keys.ts';
import { ensureEventLoaded, loadEventSeatState } from './load-event-seat-state.ts';
import {
  connectTestRedis,
  dropPrefix,
  randomPrefix,
  readSeats,
  refusalOf,
} from './test-support.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 3 });
const redis = connectTestRedis();
const prefix = randomPrefix();
let ids: LoaderFixture;

beforeAll(async () => {
  ids = await createLoaderFixture(prisma);
});

afterAll(async () => {
  await deleteLoaderFixture(prisma, ids);
  await prisma.$disconnect();
  await dropPrefix(redis, prefix);
  redis.disconnect();
});

const deps = () => ({ prisma, redis, prefix, eventId: ids.eventId });
const forgetEvent = () => redis.del(...Object.values(eventKeys(deps())));
const hold = (seatIds: number[], userId = 'fan-1') =>
  holdSeats({
    redis,
    prefix,
    eventId: ids.eventId,
    userId,
    seatIds,
    ttlMs: 60_000,
    perUserSeatLimit: 6,
  });

describe('loadEventSeatState', () => {
  it('loads sold seats as sold, live holds with their expiry, everything else free', async () => {
    const { installed, version } = await loadEventSeatState(deps());
    expect(installed).toBe(true);
    expect(version).toBe(42);
    const seats = await readSeats(redis, prefix, ids.eventId);
    const held = `${ids.heldUntil.getTime()}:${ids.holdId}`;
    expect(ids.a.map((id) => seats[id])).toEqual(['s', 's', '0', '0']);
    expect(ids.b.map((id) => seats[id])).toEqual([held, held, '0', '0']);
    const keys = eventKeys(deps());
    expect(await redis.lrange(keys.rank, 0, -1)).toHaveLength(2);
    expect(await redis.hget(keys.users, ids.userId)).toBe(ids.holdId);
    expect((await refusalOf(hold([ids.a[1]!]))).refusal).toBe('SEAT_TAKEN');
  });

  it('does not replace an event that is already loaded', async () => {
    const placed = await hold([ids.a[2]!, ids.a[3]!]);
    await ensureEventLoaded(deps());
    expect((await loadEventSeatState(deps())).installed).toBe(false);
    expect((await readSeats(redis, prefix, ids.eventId))[ids.a[3]!]).toBe(
      `${placed.expiresAt}:${placed.holdId}`,
    );
  });

  it('rebuilds after Redis lost the event, keeping sold seats sold', async () => {
    await forgetEvent();
    expect((await refusalOf(hold([ids.a[0]!]))).refusal).toBe('EVENT_NOT_LOADED');
    await ensureEventLoaded(deps());
    const seats = await readSeats(redis, prefix, ids.eventId);
    expect(ids.a.map((id) => seats[id])).toEqual(['s', 's', '0', '0']);
    expect((await refusalOf(hold([ids.a[0]!], 'fan-2'))).refusal).toBe('SEAT_TAKEN');
  });

  it('installs once when several loaders race, leaving no temp keys behind', async () => {
    await forgetEvent();
    const results = await Promise.all([1, 2, 3].map(() => loadEventSeatState(deps())));
    expect(results.filter((r) => r.installed)).toHaveLength(1);
    const keys = await findKeys(redis, `${prefix}{ev:${ids.eventId}}:*`);
    expect(keys.sort()).toEqual(LIVE_KEY_NAMES.map((name) => eventKeys(deps())[name]).sort());
  });

  it('reads Postgres once when many requests find the event unloaded at once', async () => {
    await forgetEvent();
    // The same client, counting the seat reads a load makes (one per load).
    let seatReads = 0;
    const counting = prisma.$extends({
      query: {
        seat: {
          findMany: ({ args, query }) => {
            seatReads += 1;
            return query(args);
          },
        },
      },
    }) as unknown as typeof prisma;
    // A pool of 3 connections: 40 loads of their own would queue for it and time out.
    await Promise.all(
      Array.from({ length: 40 }, () => ensureEventLoaded({ ...deps(), prisma: counting })),
    );
    expect(seatReads).toBe(1);
    const seats = await readSeats(redis, prefix, ids.eventId);
    expect(ids.a.map((id) => seats[id])).toEqual(['s', 's', '0', '0']);
    // Once loaded, a later call does not read Postgres at all; after a loss it loads again.
    await ensureEventLoaded({ ...deps(), prisma: counting });
    expect(seatReads).toBe(1);
    await forgetEvent();
    await ensureEventLoaded({ ...deps(), prisma: counting });
    expect(seatReads).toBe(2);
  });
});
