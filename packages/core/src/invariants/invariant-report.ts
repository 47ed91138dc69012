// The invariant checker's report: per event, one result per invariant and the first mismatching
// seats, so an operator sees which seat broke which promise.

export const INVARIANT_NAMES = [
  /** (a) no seat has two live sales in Postgres. */
  'no-double-sale',
  /** (a) every seat sold in Postgres is sold in Redis, never held or available there. */
  'sold-not-free-in-redis',
  /** (b) sold + held <= capacity. */
  'within-capacity',
  /** (c) Redis and Postgres agree on the sold seats. */
  'sold-seats-agree',
  /** (c) Redis and Postgres agree on the live held seats and their hold ids. */
  'held-seats-agree',
] as const;
export type InvariantName = (typeof INVARIANT_NAMES)[number];

export interface SeatMismatch {
  seatId: number;
  /** Row and seat label, e.g. 'B-12'. */
  seat: string;
  postgres: string;
  redis: string;
}

export interface InvariantResult {
  name: InvariantName;
  ok: boolean;
  detail: string;
  mismatchCount: number;
  /** The first mismatching seats (bounded). */
  mismatches: SeatMismatch[];
}

export interface EventInvariantReport {
  eventId: string;
  title: string;
  ok: boolean;
  /** False when Redis holds no seat state for the event (only Postgres checks ran). */
  loadedInRedis: boolean;
  capacity: number;
  soldInPostgres: number;
  heldInRedis: number;
  /** Versions not yet reconciled into Postgres (null when not loaded). */
  reconciliationLag: number | null;
  checkedAt: string;
  checks: InvariantResult[];
}

export interface InvariantReport {
  ok: boolean;
  events: EventInvariantReport[];
  /** Event ids asked for that do not exist (makes the report fail). */
  notFound: string[];
}
