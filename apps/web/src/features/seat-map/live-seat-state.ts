// The live seat map's state: a snapshot's statuses moved forward by versioned deltas. Pure and
// immutable, so React can compare states by reference; the caller resyncs when told of a gap.
import type { SeatsChangeMessage, SeatsDelta, SeatsSnapshot } from '@tessera/contracts/seats';
import type { SeatStatus } from '../holds/selection.ts';

export interface LiveSeatState {
  /** The event's seat-state version these statuses reflect. */
  version: number;
  statuses: ReadonlyMap<number, SeatStatus>;
}

export type ApplyOutcome =
  /** `changed`: seats whose status differs from before (empty when a delta repeats known states). */
  | { kind: 'applied'; state: LiveSeatState; changed: number[] }
  /** Nothing new: the delta ends at or before the version already held (a replay after resume). */
  | { kind: 'stale' }
  /** Changes between the held version and the delta's start are missing: resync from a snapshot. */
  | { kind: 'gap'; held: number | null; fromVersion: number };

export const stateFromSnapshot = (
  snapshot: Pick<SeatsSnapshot, 'version' | 'seatIds' | 'statuses'>,
): LiveSeatState => {
  const statuses = new Map<number, SeatStatus>();
  snapshot.seatIds.forEach((id, i) => statuses.set(id, snapshot.statuses[i] as SeatStatus));
  return { version: snapshot.version, statuses };
};

/** Seats whose status differs between two states (both directions; new seats count too). */
const diff = (before: LiveSeatState | null, after: LiveSeatState): number[] => {
  const changed: number[] = [];
  for (const [id, status] of after.statuses) {
    if (before?.statuses.get(id) !== status) changed.push(id);
  }
  return changed;
};

/**
 * A delta must start at the version held. One that starts earlier but ends later still applies:
 * it carries the final status of every seat changed in its range, so the seats already seen
 * end in the same state (the server does not send these, but a replay after a reconnect could).
 */
export const applyDelta = (
  state: LiveSeatState | null,
  delta: Pick<SeatsDelta, 'fromVersion' | 'toVersion' | 'seats'>,
): ApplyOutcome => {
  if (!state || delta.fromVersion > state.version)
    return { kind: 'gap', held: state?.version ?? null, fromVersion: delta.fromVersion };
  if (delta.toVersion <= state.version) return { kind: 'stale' };
  const statuses = new Map(state.statuses);
  const changed: number[] = [];
  for (const [id, status] of delta.seats) {
    if (statuses.get(id) !== status) changed.push(id);
    statuses.set(id, status);
  }
  return { kind: 'applied', state: { version: delta.toVersion, statuses }, changed };
};

/** Applies one seats.onChange message: a snapshot replaces everything, a delta moves it on. */
export const applyMessage = (
  state: LiveSeatState | null,
  message: SeatsChangeMessage,
): ApplyOutcome => {
  if (message.kind === 'delta') return applyDelta(state, message);
  const next = stateFromSnapshot(message);
  return { kind: 'applied', state: next, changed: diff(state, next) };
};
