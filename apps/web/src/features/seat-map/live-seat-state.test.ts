import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  applyMessage,
  stateFromSnapshot,
  type LiveSeatState,
} from './live-seat-state.ts';

const EVENT = '7d1f1f0e-6f0e-4a53-9f7e-3c3e8a1b2c4d';

const snapshot = (version: number, statuses: string): SeatsChangeMessage => ({
  kind: 'snapshot',
  eventId: EVENT,
  version,
  seatIds: [...statuses].map((_, i) => i + 1),
  statuses,
  mine: [],
});

const delta = (
  fromVersion: number,
  toVersion: number,
  seats: [number, 'a' | 'h' | 's'][],
): SeatsChangeMessage => ({ kind: 'delta', eventId: EVENT, fromVersion, toVersion, seats });

const drawn = (state: LiveSeatState) => [...state.statuses.values()].join('');

/** Applies messages in order, failing on anything but a clean apply. */
const run = (...messages: SeatsChangeMessage[]) =>
  messages.reduce<LiveSeatState | null>((state, message) => {
    const outcome = applyMessage(state, message);
    if (outcome.kind !== 'applied') throw new Error(`unexpected ${outcome.kind}`);
    return outcome.state;
  }, null) as LiveSeatState;

describe('live seat state', () => {
  it('starts from a snapshot: one status per seat id, at its version', () => {
    const state = stateFromSnapshot({ version: 7, seatIds: [10, 11, 12], statuses: 'ahs' });
    expect(state.version).toBe(7);
    expect([...state.statuses]).toEqual([
      [10, 'a'],
      [11, 'h'],
      [12, 's'],
    ]);
  });

  it('moves forward through consecutive deltas and reports the seats that changed', () => {
    const state = run(
      snapshot(5, 'aaaa'),
      delta(5, 8, [
        [2, 'h'],
        [3, 'h'],
      ]),
    );
    const outcome = applyDelta(state, {
      fromVersion: 8,
      toVersion: 9,
      seats: [
        [2, 's'],
        [3, 'h'],
      ],
    });
    expect(outcome).toMatchObject({ kind: 'applied', changed: [2] });
    if (outcome.kind !== 'applied') return;
    expect(outcome.state.version).toBe(9);
    expect(drawn(outcome.state)).toBe('asha');
  });

  it('never changes the state it was given (React compares by reference)', () => {
    const before = run(snapshot(1, 'aa'));
    const outcome = applyDelta(before, { fromVersion: 1, toVersion: 2, seats: [[1, 'h']] });
    expect(outcome.kind).toBe('applied');
    expect(drawn(before)).toBe('aa');
    expect(before.version).toBe(1);
  });

  it('reports a gap when a delta starts after the version held', () => {
    const state = run(snapshot(5, 'aaa'));
    expect(applyDelta(state, { fromVersion: 6, toVersion: 9, seats: [[1, 'h']] })).toEqual({
      kind: 'gap',
      held: 5,
      fromVersion: 6,
    });
  });

  it('reports a gap for a delta before any snapshot', () => {
    expect(applyMessage(null, delta(0, 1, [[1, 'h']]))).toMatchObject({ kind: 'gap', held: null });
  });

  it('ignores a delta it already applied (a replay after a resume is idempotent)', () => {
    const once = run(snapshot(1, 'aaa'), delta(1, 3, [[1, 'h']]));
    expect(applyMessage(once, delta(1, 3, [[1, 'h']]))).toEqual({ kind: 'stale' });
    expect(applyMessage(once, delta(2, 3, [[1, 'a']]))).toEqual({ kind: 'stale' });
  });

  it('applies an overlapping delta to the same final state as the two it spans', () => {
    const stepwise = run(
      snapshot(1, 'aaa'),
      delta(1, 2, [[1, 'h']]),
      delta(2, 4, [
        [1, 'a'],
        [2, 's'],
      ]),
    );
    const partial = run(snapshot(1, 'aaa'), delta(1, 2, [[1, 'h']]));
    const overlapping = applyDelta(partial, {
      fromVersion: 1,
      toVersion: 4,
      seats: [
        [1, 'a'],
        [2, 's'],
      ],
    });
    expect(overlapping.kind).toBe('applied');
    if (overlapping.kind !== 'applied') return;
    expect(overlapping.state.version).toBe(stepwise.version);
    expect(drawn(overlapping.state)).toBe(drawn(stepwise));
  });

  it('replaces everything with a fresh snapshot, reporting what differs from before', () => {
    const stale = run(snapshot(3, 'aaaa'), delta(3, 4, [[1, 'h']]));
    const outcome = applyMessage(stale, snapshot(40, 'hsaa'));
    expect(outcome).toMatchObject({ kind: 'applied', changed: [2] });
    if (outcome.kind !== 'applied') return;
    expect(outcome.state.version).toBe(40);
    expect(drawn(outcome.state)).toBe('hsaa');
  });

  it('accepts a snapshot at a lower version (Redis rebuilt the event) instead of waiting forever', () => {
    const state = run(snapshot(900, 'hh'), snapshot(2, 'aa'));
    expect(state.version).toBe(2);
    expect(applyMessage(state, delta(2, 3, [[1, 's']]))).toMatchObject({ kind: 'applied' });
  });
});
