// refund-4 and cancel-9 against a real Redis: what they change, what they leave alone, and the
// stream entries they write as the shared parser and the reconciliation fold read them.
import { describe, expect, it } from 'vitest';
import { foldChanges, type ReconcilableChange } from '../reconciliation/fold-changes.ts';
import { coalesceChanges } from '../seat-stream/stream-changes.ts';
import { installVenueLayout } from '../layouts/relayout.store.ts';
import { cancelEventSeatState } from './cancel-event-seat-state.ts';
import { holdBestAvailable } from './hold-best-available.ts';
import { returnRefundedSeats } from './return-refunded-seats.ts';
import { encodeSeatLayout } from './seat-layout.ts';
import { sellHold } from './sell-hold.ts';
import { parseStreamEntry, type RawStreamEntry } from './stream-entry.ts';
import { readSeats, refusalOf, setUpOneRowEvent, useTestRedis } from './test-support.ts';

const { redis, prefix } = useTestRedis();

const lastChange = async (stream: string) => {
  const [entry] = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1)) as RawStreamEntry[];
  return parseStreamEntry(entry!);
};

describe('returnRefundedSeats (refund-4)', () => {
  it('returns sold seats to sale once, drops the sale record, announces a refund', async () => {
    const { store, hold, keys } = await setUpOneRowEvent({ redis, prefix });
    const sold = await hold([101, 102]);
    await sellHold({ ...store, holdId: sold.holdId, userId: 'fan-1' });
    const other = await hold([103, 104], 60_000, 'fan-2');

    const returned = await returnRefundedSeats({
      ...store,
      holdId: sold.holdId,
      seatIds: [101, 102, 103],
    });
    // 103 is held by someone else: a refund never touches a seat that is not sold.
    expect(returned.seatIds).toEqual([101, 102]);
    const seats = await readSeats(redis, prefix, store.eventId);
    expect([seats['101'], seats['102'], seats['103']]).toEqual([
      '0',
      '0',
      expect.stringContaining(other.holdId),
    ]);
    expect(await redis.hexists(keys.holds, sold.holdId)).toBe(0);
    const change = await lastChange(keys.stream);
    expect(change).toMatchObject({ type: 'refund', holdId: sold.holdId, seatIds: [101, 102] });
    expect(change.version).toBe(returned.version);
    expect(coalesceChanges({ fromVersion: 0, changes: [change] }).seats).toEqual([
      [101, 'a'],
      [102, 'a'],
    ]);
    expect(foldChanges([change as ReconcilableChange])).toEqual([]);

    // Nothing left to return: no version bump, no entry.
    expect(await returnRefundedSeats({ ...store, holdId: sold.holdId, seatIds: [101] })).toEqual({
      version: null,
      seatIds: [],
    });
    expect((await lastChange(keys.stream)).version).toBe(returned.version);
  });

  it('does nothing for an event Redis does not hold', async () => {
    expect(
      await returnRefundedSeats({
        redis,
        prefix,
        eventId: 'not-loaded',
        holdId: null,
        seatIds: [1],
      }),
    ).toEqual({ version: null, seatIds: [] });
  });
});

describe('cancelEventSeatState (cancel-9)', () => {
  it('releases holds, keeps sales, refuses every later hold, and is announced once', async () => {
    const { store, hold, keys } = await setUpOneRowEvent({ redis, prefix });
    const sold = await hold([101, 102]);
    await sellHold({ ...store, holdId: sold.holdId, userId: 'fan-1' });
    const live = await hold([103, 104], 60_000, 'fan-2');

    expect(await cancelEventSeatState(store)).toEqual({
      cancelled: true,
      releasedHolds: 1,
      freedSeats: 2,
    });
    const seats = await readSeats(redis, prefix, store.eventId);
    expect([seats['101'], seats['103'], seats['104']]).toEqual(['s', '0', '0']);
    expect(await redis.hget(keys.meta, 'cancelled')).toBe('1');
    expect(await redis.hexists(keys.holds, live.holdId)).toBe(0);
    expect(await redis.hexists(keys.holds, sold.holdId)).toBe(1);
    expect(await redis.zcard(keys.expiry)).toBe(0);

    const change = await lastChange(keys.stream);
    expect(change).toMatchObject({ type: 'cancel', holdIds: [live.holdId], seatIds: [103, 104] });
    expect(foldChanges([change as ReconcilableChange])).toEqual([
      { holdId: live.holdId, version: change.version, status: 'RELEASED' },
    ]);

    expect((await refusalOf(hold([106]))).refusal).toBe('NOT_FOUND');
    const best = holdBestAvailable({
      ...store,
      userId: 'fan-3',
      quantity: 1,
      ttlMs: 60_000,
      perUserSeatLimit: 6,
    });
    expect((await refusalOf(best)).refusal).toBe('NO_ADJACENT_SEATS');

    expect(await cancelEventSeatState(store)).toEqual({
      cancelled: false,
      releasedHolds: 0,
      freedSeats: 0,
    });
    expect((await lastChange(keys.stream)).version).toBe(change.version);
  });

  it('stays cancelled when a venue layout change is installed afterwards', async () => {
    const { store, hold, keys } = await setUpOneRowEvent({ redis, prefix });
    await cancelEventSeatState(store);
    const layout = encodeSeatLayout({
      seats: [101, 102, 103].map((id, i) => ({
        id,
        rowId: 1,
        position: i + 1,
        tierId: 1,
        x: i,
        y: 0,
      })),
      stage: { x: 0, y: 10 },
      rowSortOrder: new Map([[1, 1]]),
    });
    expect(await installVenueLayout({ ...store, layout })).toEqual({
      version: null,
      stillTaken: [],
    });
    expect(await redis.exists(keys.layout)).toBe(0);
    expect((await refusalOf(hold([101]))).refusal).toBe('NOT_FOUND');
  });
});
