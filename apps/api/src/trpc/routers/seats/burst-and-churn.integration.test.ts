// A 1,000-hold burst reaches a subscriber as a few coalesced deltas that rebuild a fresh snapshot;
// 200 SSE subscribers that come and go leave no listener, reader or Redis connection behind.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { createApiDeps } from '../../context.ts';
import { createCallers, createSaleEvent } from '../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { eventStreamHubOf } from './seat-hubs.ts';
import { createSseClient, watchSeats } from './sse-test-client.ts';
import { subscribeInProcess } from './subscription-test-client.ts';

let testApp: TestApp;
let baseUrl: string;
let callers: ReturnType<typeof createCallers>;

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
  callers = createCallers(testApp);
});

afterAll(async () => {
  await testApp.close();
});

const hubStats = () => eventStreamHubOf(createApiDeps(testApp)).stats();

/** Polls a condition every 20 ms for up to 10 s (socket closes reach the server asynchronously). */
const eventually = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
};

describe('seats.onChange under load', () => {
  it('coalesces a burst of 1,000 holds into a few deltas that rebuild a fresh snapshot', async () => {
    const sale = await createSaleEvent({ testApp, seatsPerRow: 1_000 });
    // Pairs aligned on even positions never strand a single seat, whatever order they land in.
    const pairs = [sale.rowA, sale.rowB].flatMap((row) =>
      row.flatMap((seatId, i) => (i % 2 === 0 ? [[seatId, row[i + 1]!]] : [])),
    );
    expect(pairs).toHaveLength(1_000);
    const sub = await subscribeInProcess<[string, SeatsChangeMessage]>(testApp, (caller) =>
      caller.seats.onChange({ eventId: sale.event.id }),
    );
    const [, snapshot] = await sub.next();
    if (snapshot.kind !== 'snapshot') throw new Error('expected the snapshot first');

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
    const lastVersion = Math.max(...results.map((r) => r.version));
    expect(lastVersion).toBe(snapshot.version + 1_000);

    const statuses = [...snapshot.statuses];
    const position = new Map(snapshot.seatIds.map((id, i) => [id, i]));
    let messages = 0;
    for (let version = snapshot.version; version < lastVersion; messages += 1) {
      const [id, delta] = await sub.next();
      if (delta.kind !== 'delta') throw new Error('expected only deltas during the burst');
      expect(delta.fromVersion).toBe(version);
      expect(id).toBe(String(delta.toVersion));
      version = delta.toVersion;
      for (const [seatId, status] of delta.seats) statuses[position.get(seatId)!] = status;
    }
    // Far fewer messages than holds: ~75 ms windows, not one message per hold.
    expect(messages).toBeLessThan(50);
    const fresh = await callers.anonymous().seats.snapshot({ eventId: sale.event.id });
    expect(fresh.version).toBe(lastVersion);
    expect(statuses.join('')).toBe(fresh.statuses);
    expect(fresh.statuses).toBe('h'.repeat(2_000));
    await sub.close();
  });

  it('leaves no listener, reader or reader connection after 200 SSE subscribers come and go', async () => {
    const sale = await createSaleEvent({ testApp });
    expect(await eventually(() => hubStats().readers === 0)).toBe(true);
    const client = createSseClient({ baseUrl });
    const maps = Array.from({ length: 200 }, () => watchSeats(client, { eventId: sale.event.id }));
    // Half leave at once (often before the server has even subscribed them), half after the snapshot.
    for (const map of maps.slice(0, 100)) map.close();
    const staying = maps.slice(100);
    const firsts = await Promise.all(staying.map((map) => map.next(20_000)));
    expect(firsts.every((m) => m.data.kind === 'snapshot')).toBe(true);
    expect(await eventually(() => hubStats().listeners === 100)).toBe(true);
    expect(hubStats()).toEqual({ readers: 1, listeners: 100, openConnections: 1 });

    for (const map of staying) map.close();
    expect(await eventually(() => hubStats().openConnections === 0)).toBe(true);
    expect(hubStats()).toEqual({ readers: 0, listeners: 0, openConnections: 0 });
  });
});
