// SEAT_STREAM_MAX_LEN reaches every stream append: the event stream is trimmed near it, a resume
// inside what is kept gets exactly the missed changes, one from before it gets a fresh snapshot.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { eventKeys } from '@tessera/core/holds/keys';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { loadEventSeatState } from '@tessera/core/holds/load-event-seat-state';
import { createSaleEvent } from '../../../testing/checkout-fixture.ts';
import { startTestApp, testConfig, type TestApp } from '../../../testing/test-app.ts';
import { subscribeInProcess } from './subscription-test-client.ts';

const MAX_LEN = 100;
let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({
    seatStream: { ...testConfig().seatStream, streamMaxLen: MAX_LEN },
  });
});

afterAll(async () => {
  await testApp.close();
});

describe('event stream length', () => {
  it('keeps about SEAT_STREAM_MAX_LEN changes and resumes only within them', async () => {
    const sale = await createSaleEvent({ testApp, seatsPerRow: 300 });
    const pairs = [sale.rowA, sale.rowB].flatMap((row) =>
      row.flatMap((seatId, i) => (i % 2 === 0 ? [[seatId, row[i + 1]!]] : [])),
    );
    await loadEventSeatState({
      prisma: testApp.prisma,
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      eventId: sale.event.id,
    });
    const results = await Promise.all(
      pairs.map((seatIds) =>
        holdSeats({
          redis: testApp.redis,
          prefix: testApp.config.redisPrefix,
          eventId: sale.event.id,
          userId: randomUUID(),
          seatIds,
          ttlMs: 600_000,
          perUserSeatLimit: 2,
        }),
      ),
    );
    const last = Math.max(...results.map((r) => r.version));
    expect(last).toBeGreaterThan(MAX_LEN * 2);
    // MAXLEN ~ trims whole stream nodes (100 entries by default): at least MAX_LEN stay.
    const length = await testApp.redis.xlen(
      eventKeys({ prefix: testApp.config.redisPrefix, eventId: sale.event.id }).stream,
    );
    expect(length).toBeGreaterThanOrEqual(MAX_LEN);
    expect(length).toBeLessThan(MAX_LEN + 150);

    const resume = async (since: number) => {
      const sub = await subscribeInProcess<[string, SeatsChangeMessage]>(testApp, (caller) =>
        caller.seats.onChange({ eventId: sale.event.id, lastEventId: String(since) }),
      );
      const [, message] = await sub.next();
      await sub.close();
      return message;
    };
    const recent = await resume(last - 50);
    expect(recent).toMatchObject({ kind: 'delta', fromVersion: last - 50, toVersion: last });
    expect(recent.kind === 'delta' && recent.seats).toHaveLength(100);
    expect((await resume(1)).kind).toBe('snapshot');
  });
});
