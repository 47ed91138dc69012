// seats.onChange in process: snapshot first, live coalesced deltas, exact resume, reader cleanup.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatsChangeMessage, SeatsSnapshot } from '@tessera/contracts/seats';
import { sharedEventStreamHub } from '@tessera/core/seat-stream/event-stream-hub';
import { expireHolds } from '@tessera/core/holds/expire-holds';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { redisTimeMs } from '@tessera/core/holds/seat-state-codec';
import { createApiDeps, createContextInner } from '../../context.ts';
import { createCallerFactory } from '../../init.ts';
import { appRouter } from '../../router.ts';
import { createCallers, createFan, createSaleEvent } from '../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';

let testApp: TestApp;
let callers: ReturnType<typeof createCallers>;
const createCaller = createCallerFactory(appRouter);

beforeAll(async () => {
  testApp = await startTestApp();
  callers = createCallers(testApp);
});

afterAll(async () => {
  await testApp.close();
});

/** An in-process subscription whose messages are awaited one by one, each with a timeout. */
const subscribe = async (input: { eventId: string; lastEventId?: string }) => {
  const controller = new AbortController();
  const deps = createApiDeps(testApp);
  const caller = createCaller(createContextInner({ deps }), { signal: controller.signal });
  const iterable = (await caller.seats.onChange(input)) as AsyncIterable<unknown>;
  const iterator = iterable[Symbol.asyncIterator]();
  return {
    async next(timeoutMs = 4_000): Promise<{ id: string; data: SeatsChangeMessage }> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no onChange message in time')), timeoutMs);
      });
      try {
        const result = await Promise.race([iterator.next(), timeout]);
        if (result.done) throw new Error('subscription ended');
        const [id, data] = result.value as [string, SeatsChangeMessage];
        return { id, data };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      controller.abort();
      await iterator.return?.();
    },
  };
};

/** Awaits a condition by yielding to the event loop (bounded), for cleanup that runs in finally. */
const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 1_000 && !condition(); i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return condition();
};

const hub = () =>
  sharedEventStreamHub({ redis: testApp.redis, prefix: testApp.config.redisPrefix });

const apply = (snapshot: SeatsSnapshot, deltas: SeatsChangeMessage[]) => {
  const statuses = [...snapshot.statuses];
  for (const delta of deltas) {
    if (delta.kind !== 'delta') throw new Error('expected only deltas after the snapshot');
    for (const [seatId, status] of delta.seats) statuses[snapshot.seatIds.indexOf(seatId)] = status;
  }
  return statuses.join('');
};

describe('seats.onChange', () => {
  it('starts with the snapshot, then delivers a later hold as a delta', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = await createFan(testApp);
    const sub = await subscribe({ eventId: sale.event.id });
    const first = await sub.next();
    expect(first.data.kind).toBe('snapshot');
    if (first.data.kind !== 'snapshot') return;
    expect(first.id).toBe(String(first.data.version));
    expect(first.data.statuses).toBe('a'.repeat(sale.seats.length));

    const seatIds = [sale.rowA[0]!, sale.rowA[1]!];
    await callers.as(fan).holds.create({ eventId: sale.event.id, seatIds });
    const delta = await sub.next();
    expect(delta.data).toEqual({
      kind: 'delta',
      eventId: sale.event.id,
      fromVersion: first.data.version,
      toVersion: first.data.version + 1,
      seats: seatIds.map((id) => [id, 'h']),
    });
    expect(delta.id).toBe(String(first.data.version + 1));
    await sub.close();
    expect(await waitFor(() => hub().listenerCount(sale.event.id) === 0)).toBe(true);
  });

  it('announces seats freed by the expiry sweeper as available', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = await createFan(testApp);
    const sub = await subscribe({ eventId: sale.event.id });
    const first = await sub.next();
    if (first.data.kind !== 'snapshot') throw new Error('expected the snapshot first');
    const seatIds = [sale.rowA[2]!, sale.rowA[3]!];
    const store = {
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      eventId: sale.event.id,
    };
    const held = await holdSeats({
      ...store,
      userId: fan.user.id,
      seatIds,
      ttlMs: 50,
      perUserSeatLimit: 6,
    });
    expect((await sub.next()).data).toMatchObject({ seats: seatIds.map((id) => [id, 'h']) });

    // Sweep once Redis's own clock has passed the hold's expiry, as the worker's sweeper does.
    let freed = 0;
    for (let i = 0; i < 200 && freed === 0; i++) {
      const [seconds, micros] = await testApp.redis.time();
      if (redisTimeMs([String(seconds), String(micros)]) > held.expiresAt) {
        freed = (await expireHolds(store)).freed.length;
      } else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(freed).toBe(2);
    expect((await sub.next()).data).toMatchObject({
      kind: 'delta',
      seats: seatIds.map((id) => [id, 'a']),
    });
    await sub.close();
  });

  it('resumes from an older version with exactly the missed changes, then live ones', async () => {
    const sale = await createSaleEvent({ testApp });
    const fan = await createFan(testApp);
    const api = callers.as(fan);
    const before = await callers.anonymous().seats.snapshot({ eventId: sale.event.id });
    const first = await api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowA[0]!] });
    await api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowB[3]!] });
    await api.holds.release({ holdId: first.id });

    const sub = await subscribe({ eventId: sale.event.id, lastEventId: String(before.version) });
    const missed = await sub.next();
    expect(missed.data).toEqual({
      kind: 'delta',
      eventId: sale.event.id,
      fromVersion: before.version,
      toVersion: before.version + 3,
      seats: [
        [sale.rowB[3]!, 'h'],
        [sale.rowA[0]!, 'a'],
      ],
    });
    await api.holds.create({ eventId: sale.event.id, seatIds: [sale.rowB[0]!] });
    const live = await sub.next();
    expect(live.data).toMatchObject({
      fromVersion: before.version + 3,
      toVersion: before.version + 4,
      seats: [[sale.rowB[0]!, 'h']],
    });
    await sub.close();
  });

  it('sends a fresh snapshot when the resume version is no longer covered', async () => {
    const sale = await createSaleEvent({ testApp });
    await callers.anonymous().seats.snapshot({ eventId: sale.event.id });
    const sub = await subscribe({ eventId: sale.event.id, lastEventId: '999999' });
    expect((await sub.next()).data.kind).toBe('snapshot');
    await sub.close();
  });

  it('coalesces a burst of 210 holds into far fewer deltas that rebuild a fresh snapshot', async () => {
    // Pairs aligned on even positions never strand a single seat, whatever order they land in.
    const sale = await createSaleEvent({ testApp, seatsPerRow: 210 });
    const pairs = [sale.rowA, sale.rowB].flatMap((row) =>
      row.flatMap((seatId, i) => (i % 2 === 0 ? [[seatId, row[i + 1]!]] : [])),
    );
    const sub = await subscribe({ eventId: sale.event.id });
    const first = await sub.next();
    if (first.data.kind !== 'snapshot') throw new Error('expected a snapshot first');
    const results = await Promise.all(
      pairs.map((seatIds) =>
        holdSeats({
          redis: testApp.redis,
          prefix: testApp.config.redisPrefix,
          eventId: sale.event.id,
          userId: randomUUID(),
          seatIds,
          ttlMs: 600_000,
          perUserSeatLimit: 8,
        }),
      ),
    );
    const lastVersion = Math.max(...results.map((r) => r.version));
    const deltas: SeatsChangeMessage[] = [];
    let version = first.data.version;
    while (version < lastVersion) {
      const message = await sub.next();
      if (message.data.kind !== 'delta') throw new Error('expected a delta');
      expect(message.data.fromVersion).toBe(version);
      version = message.data.toVersion;
      deltas.push(message.data);
    }
    expect(deltas.length).toBeLessThan(results.length / 4);
    const fresh = await callers.anonymous().seats.snapshot({ eventId: sale.event.id });
    expect(fresh.version).toBe(version);
    expect(apply(first.data, deltas)).toBe(fresh.statuses);
    expect(fresh.statuses).toBe('h'.repeat(sale.seats.length));
    await sub.close();
  });

  it('shares one reader per event and stops it when the last subscriber leaves', async () => {
    const sale = await createSaleEvent({ testApp });
    const subs = await Promise.all([1, 2, 3].map(() => subscribe({ eventId: sale.event.id })));
    await Promise.all(subs.map((sub) => sub.next()));
    expect(hub().listenerCount(sale.event.id)).toBe(3);
    const readersWithEvent = hub().readerCount();
    await subs[0]!.close();
    await subs[1]!.close();
    expect(hub().readerCount()).toBe(readersWithEvent);
    await subs[2]!.close();
    expect(await waitFor(() => hub().readerCount() === readersWithEvent - 1)).toBe(true);
    expect(hub().listenerCount(sale.event.id)).toBe(0);
  });
});
