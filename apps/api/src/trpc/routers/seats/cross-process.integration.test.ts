// Two real API processes sharing Postgres and Redis: a hold made through one reaches a seat map
// subscribed (over SSE) to the other, and a subscriber that reconnects with its last version gets
// exactly the changes it missed, in order, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { createFan, createSaleEvent } from '../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { startApiProcess, type ApiProcess } from './api-process.ts';
import { createSseClient, watchSeats } from './sse-test-client.ts';

let testApp: TestApp;
let replicas: ApiProcess[] = [];

beforeAll(async () => {
  testApp = await startTestApp();
  replicas = await Promise.all(
    [1, 2].map(() => startApiProcess({ REDIS_PREFIX: testApp.config.redisPrefix })),
  );
}, 200_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await testApp.close();
});

const setUp = async () => {
  const sale = await createSaleEvent({ testApp });
  const fan = await createFan(testApp);
  const [one, two] = replicas.map((r) => r.baseUrl);
  return {
    sale,
    /** The fan's client on replica 1 (mutations) and an anonymous seat map on replica 2. */
    fanOnOne: createSseClient({ baseUrl: one!, session: fan.token }),
    viewerOnTwo: createSseClient({ baseUrl: two! }),
  };
};

const snapshotOf = (message: { data: SeatsChangeMessage }) => {
  if (message.data.kind !== 'snapshot') throw new Error(`expected a snapshot, got a delta`);
  return message.data;
};

describe('seat map across two API processes', () => {
  it('delivers a hold made through replica 1 to a subscriber on replica 2', async () => {
    expect(replicas[0]!.pid).not.toBe(replicas[1]!.pid);
    const { sale, fanOnOne, viewerOnTwo } = await setUp();
    const map = watchSeats(viewerOnTwo, { eventId: sale.event.id });
    const snapshot = snapshotOf(await map.next());
    expect(snapshot.statuses).toBe('a'.repeat(sale.seats.length));

    const seatIds = sale.rowA.slice(0, 2);
    await fanOnOne.holds.create.mutate({ eventId: sale.event.id, seatIds });
    const delta = await map.next();
    expect(delta.id).toBe(String(snapshot.version + 1));
    expect(delta.data).toEqual({
      kind: 'delta',
      eventId: sale.event.id,
      fromVersion: snapshot.version,
      toVersion: snapshot.version + 1,
      seats: seatIds.map((id) => [id, 'h']),
    });
    map.close();
  });

  it('resumes a reconnecting subscriber with exactly the missed changes, in order, once', async () => {
    const { sale, fanOnOne, viewerOnTwo } = await setUp();
    const [x, y, z, w] = [sale.rowA[0]!, sale.rowA[4]!, sale.rowB[0]!, sale.rowB[4]!];
    const hold = (seatId: number) =>
      fanOnOne.holds.create.mutate({ eventId: sale.event.id, seatIds: [seatId] });

    const before = watchSeats(viewerOnTwo, { eventId: sale.event.id });
    const snapshot = snapshotOf(await before.next());
    const v = snapshot.version;
    const first = await hold(x);
    const seen = await before.next();
    expect(seen.data).toMatchObject({ fromVersion: v, toVersion: v + 1, seats: [[x, 'h']] });
    before.close();

    // Missed while away: two holds and the release of the first one.
    await hold(y);
    await hold(z);
    await fanOnOne.holds.release.mutate({ holdId: first.id });

    const after = watchSeats(viewerOnTwo, { eventId: sale.event.id, lastEventId: seen.id });
    const missed = await after.next();
    expect(missed).toEqual({
      id: String(v + 4),
      data: {
        kind: 'delta',
        eventId: sale.event.id,
        fromVersion: v + 1,
        toVersion: v + 4,
        seats: [
          [y, 'h'],
          [z, 'h'],
          [x, 'a'],
        ],
      },
    });
    await hold(w);
    const live = await after.next();
    expect(live.data).toMatchObject({ fromVersion: v + 4, toVersion: v + 5, seats: [[w, 'h']] });

    // Across both connections: contiguous version ranges (nothing missed, nothing twice), and the
    // result equals a fresh snapshot.
    const deltas = [seen, missed, live].map((m) => m.data);
    deltas.forEach((delta, i) => {
      if (delta.kind !== 'delta') throw new Error('expected deltas after the snapshot');
      expect(delta.fromVersion).toBe(
        i === 0 ? v : (deltas[i - 1] as { toVersion: number }).toVersion,
      );
    });
    const statuses = [...snapshot.statuses];
    for (const delta of deltas) {
      if (delta.kind !== 'delta') continue;
      for (const [seatId, status] of delta.seats) {
        statuses[snapshot.seatIds.indexOf(seatId)] = status;
      }
    }
    const fresh = await fanOnOne.seats.snapshot.query({ eventId: sale.event.id });
    expect(fresh.version).toBe(v + 5);
    expect(statuses.join('')).toBe(fresh.statuses);
    expect(after.received).toHaveLength(2);
    after.close();
  });
});
