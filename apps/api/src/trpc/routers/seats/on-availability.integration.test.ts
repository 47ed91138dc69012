// seats.onAvailability: per-tier counts first, live changes throttled, matching seats.snapshot.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventAvailability } from '@tessera/contracts/seats';
import { holdSeats } from '@tessera/core/holds/hold-seats';
import { createApiDeps } from '../../context.ts';
import { createCallers, createFan, createSaleEvent } from '../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { availabilityHubOf } from './seat-hubs.ts';
import { subscribeInProcess, waitFor } from './subscription-test-client.ts';

let testApp: TestApp;
let callers: ReturnType<typeof createCallers>;

beforeAll(async () => {
  testApp = await startTestApp();
  callers = createCallers(testApp);
});

afterAll(async () => {
  await testApp.close();
});

const subscribe = (eventIds: string[]) =>
  subscribeInProcess<EventAvailability>(testApp, (caller) =>
    caller.seats.onAvailability({ eventIds }),
  );

const stats = () => availabilityHubOf(createApiDeps(testApp)).stats();

type Sale = Awaited<ReturnType<typeof createSaleEvent>>;

/** The counts a client would compute from a fresh seats.snapshot and the fixture's two rows. */
const countsFromSnapshot = async (sale: Sale) => {
  const snapshot = await callers.anonymous().seats.snapshot({ eventId: sale.event.id });
  const statusOf = (seatId: number) => snapshot.statuses[snapshot.seatIds.indexOf(seatId)];
  const count = (row: number[], status: string) => row.filter((id) => statusOf(id) === status);
  return [sale.rowA, sale.rowB].map((row, i) => ({
    tierId: sale.priceTiers[i]!.id,
    name: sale.priceTiers[i]!.name,
    available: count(row, 'a').length,
    held: count(row, 'h').length,
    sold: count(row, 's').length,
  }));
};

const holdPair = (sale: Sale, seatIds: number[]) =>
  holdSeats({
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
    eventId: sale.event.id,
    userId: randomUUID(),
    seatIds,
    ttlMs: 600_000,
    perUserSeatLimit: 8,
  });

describe('seats.onAvailability', () => {
  it('sends each event’s tier counts, then a hold’s effect on its tier', async () => {
    const [first, second] = await Promise.all([
      createSaleEvent({ testApp }),
      createSaleEvent({ testApp, seatsPerRow: 4 }),
    ]);
    const sub = await subscribe([first.event.id, second.event.id]);
    const initial = [await sub.next(), await sub.next()];
    const byEvent = new Map(initial.map((m) => [m.eventId, m]));
    expect(byEvent.get(first.event.id)!.tiers).toEqual(await countsFromSnapshot(first));
    expect(byEvent.get(second.event.id)!.tiers).toEqual(await countsFromSnapshot(second));
    expect(byEvent.get(second.event.id)!.tiers.map((t) => t.available)).toEqual([4, 4]);

    const fan = await createFan(testApp);
    await callers
      .as(fan)
      .holds.create({ eventId: first.event.id, seatIds: first.rowA.slice(0, 2) });
    const update = await sub.next();
    expect(update.eventId).toBe(first.event.id);
    expect(update.version).toBe(byEvent.get(first.event.id)!.version + 1);
    expect(update.tiers).toEqual(await countsFromSnapshot(first));
    expect(update.tiers[0]).toMatchObject({ available: 6, held: 2, sold: 0 });
    expect(update.tiers[1]).toMatchObject({ available: 8, held: 0, sold: 0 });
    await sub.close();
    expect(await waitFor(() => stats().events === 0)).toBe(true);
  });

  it('throttles a burst of holds to a few messages whose last equals a fresh snapshot', async () => {
    const sale = await createSaleEvent({ testApp, seatsPerRow: 60 });
    const sub = await subscribe([sale.event.id]);
    const initial = await sub.next();
    const pairs = [sale.rowA, sale.rowB].flatMap((row) =>
      row.flatMap((seatId, i) => (i % 2 === 0 ? [[seatId, row[i + 1]!]] : [])),
    );
    const results = await Promise.all(pairs.map((seatIds) => holdPair(sale, seatIds)));
    const lastVersion = Math.max(...results.map((r) => r.version));
    const messages: EventAvailability[] = [];
    for (let version = initial.version; version < lastVersion;) {
      const message = await sub.next();
      expect(message.version).toBeGreaterThan(version);
      version = message.version;
      messages.push(message);
    }
    expect(messages.length).toBeLessThan(pairs.length / 10);
    expect(messages.at(-1)!.tiers).toEqual(await countsFromSnapshot(sale));
    expect(messages.at(-1)!.tiers.map((t) => t.held)).toEqual([60, 60]);
    await sub.close();
  });

  it('shares one tracker per event and drops it with the last subscriber', async () => {
    const sale = await createSaleEvent({ testApp });
    const subs = await Promise.all([1, 2, 3].map(() => subscribe([sale.event.id])));
    const firsts = await Promise.all(subs.map((sub) => sub.next()));
    expect(new Set(firsts.map((m) => m.version)).size).toBe(1);
    expect(stats()).toEqual({ events: 1, listeners: 3 });
    await Promise.all(subs.map((sub) => sub.close()));
    expect(await waitFor(() => stats().events === 0)).toBe(true);
  });

  it('sends nothing for an unknown event and still serves the others', async () => {
    const sale = await createSaleEvent({ testApp });
    const sub = await subscribe([randomUUID(), sale.event.id]);
    expect((await sub.next()).eventId).toBe(sale.event.id);
    expect(stats().events).toBe(1);
    await sub.close();
  });

  it('refuses more than 50 events before subscribing to any', async () => {
    const eventIds = Array.from({ length: 51 }, () => randomUUID());
    await expect(subscribe(eventIds)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(stats().events).toBe(0);
  });
});
