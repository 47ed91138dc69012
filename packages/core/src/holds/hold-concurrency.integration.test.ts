// 2,000 concurrent hold attempts by 500 fans over overlapping seats, on several connections:
// every seat ends up held by at most one hold, and the seats hash, the hold records, the version
// and the stream all agree with the successes the callers were told about.
import { afterAll, describe, expect, it } from 'vitest';
import { holdSeats } from './hold-seats.ts';
import { HoldRefusedError } from './hold-refusal.ts';
import { eventKeys } from './keys.ts';
import {
  connectTestRedis,
  dropPrefix,
  installGrid,
  randomPrefix,
  readSeats,
  readVersion,
} from './test-support.ts';

const ROWS = 10;
const SEATS_PER_ROW = 20;
const FANS = 500;
const ATTEMPTS = 2_000;
const LIMIT = 4;

const connections = Array.from({ length: 4 }, connectTestRedis);
const redis = connections[0]!;
const prefix = randomPrefix();
afterAll(async () => {
  await dropPrefix(redis, prefix);
  for (const connection of connections) connection.disconnect();
});

// Small seeded generator: the same overlapping requests on every run.
const random = (() => {
  let state = 0x5eed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();

const randomRequest = () => {
  const row = 1 + Math.floor(random() * ROWS);
  const count = 1 + Math.floor(random() * 4);
  const first = 1 + Math.floor(random() * (SEATS_PER_ROW - count + 1));
  return Array.from({ length: count }, (_, i) => row * 100 + first + i);
};

describe('holds under contention', () => {
  it('never gives a seat to two holds', async () => {
    const eventId = await installGrid({ redis, prefix, rows: ROWS, seatsPerRow: SEATS_PER_ROW });
    const versionBefore = await readVersion(redis, prefix, eventId);
    const outcomes = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) => {
        const userId = `fan-${i % FANS}`;
        return holdSeats({
          redis: connections[i % connections.length]!,
          prefix,
          eventId,
          userId,
          seatIds: randomRequest(),
          ttlMs: 600_000,
          perUserSeatLimit: LIMIT,
        }).then(
          (result) => ({ ok: true as const, userId, ...result }),
          (error: unknown) => {
            if (!(error instanceof HoldRefusedError)) throw error;
            return { ok: false as const, refusal: error.refusal };
          },
        );
      }),
    );
    const successes = outcomes.flatMap((o) => (o.ok ? [o] : []));
    const refusals = new Set(outcomes.flatMap((o) => (o.ok ? [] : [o.refusal])));
    expect(successes.length).toBeGreaterThan(0);
    expect(refusals.has('SEAT_TAKEN')).toBe(true); // the requests really did overlap
    expect(
      [...refusals].every((r) => ['SEAT_TAKEN', 'STRANDED_SEAT', 'HOLD_LIMIT_REACHED'].includes(r)),
    ).toBe(true);

    // What the callers were told: no seat in two successful holds, no fan over the limit.
    const toldHolder = new Map<string, string>();
    for (const success of successes) {
      for (const seatId of success.seatIds) {
        expect(toldHolder.has(String(seatId)), `seat ${seatId} held twice`).toBe(false);
        toldHolder.set(String(seatId), success.holdId);
      }
    }
    const seatsPerFan = new Map<string, number>();
    for (const s of successes)
      seatsPerFan.set(s.userId, (seatsPerFan.get(s.userId) ?? 0) + s.seatIds.length);
    expect(Math.max(...seatsPerFan.values())).toBeLessThanOrEqual(LIMIT);

    // What Redis holds agrees seat by seat, and with the hold records.
    const seatHolder = new Map(
      Object.entries(await readSeats(redis, prefix, eventId)).flatMap(([seatId, value]) =>
        value === '0' ? [] : [[seatId, value.split(':')[1]!] as const],
      ),
    );
    expect(seatHolder).toEqual(toldHolder);
    const records = await redis.hgetall(eventKeys({ prefix, eventId }).holds);
    expect(Object.keys(records)).toHaveLength(successes.length);
    for (const success of successes) {
      const [status, , , , userId, seatCsv] = records[success.holdId]!.split('|');
      expect([status, userId, seatCsv]).toEqual(['h', success.userId, success.seatIds.join(',')]);
    }

    // One version and one stream entry per success, nothing for refusals.
    expect(await readVersion(redis, prefix, eventId)).toBe(versionBefore + successes.length);
    const versions = successes.map((s) => s.version).sort((a, b) => a - b);
    expect(versions).toEqual(
      Array.from({ length: successes.length }, (_, i) => versionBefore + 1 + i),
    );
    expect(await redis.xlen(eventKeys({ prefix, eventId }).stream)).toBe(1 + successes.length);
  });
});
