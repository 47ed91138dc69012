// Decoders for the seat-state encodings documented in keys.ts, shared by every reader (snapshot,
// reconciliation rebuild, invariant checker, checkout) so the format is interpreted in one place.
import type { ChainableCommander } from 'ioredis';

export type SeatState =
  { state: 'available' } | { state: 'sold' } | { state: 'held'; holdId: string; expiresAt: number };

/** A `seats` hash value at Redis time `nowMs`; a held value past its expiry is available. */
export const decodeSeatValue = (value: string | undefined, nowMs: number): SeatState => {
  if (value === undefined || value === '0') return { state: 'available' };
  if (value === 's') return { state: 'sold' };
  const colon = value.indexOf(':');
  const expiresAt = Number(value.slice(0, colon));
  return expiresAt > nowMs
    ? { state: 'held', holdId: value.slice(colon + 1), expiresAt }
    : { state: 'available' };
};

export interface HoldRecord {
  holdId: string;
  eventId: string;
  /** h held, s sold, x expired by the sweeper. */
  status: string;
  expiresAt: number;
  extended: boolean;
  createdAt: number;
  userId: string;
  seatIds: number[];
}

/** A `holds` hash value: 'status|expiresAtMs|extended|createdAtMs|userId|seatId,seatId'. */
export const parseHoldRecord = (holdId: string, eventId: string, raw: string): HoldRecord => {
  const [status = '', expiresAt, extended, createdAt, userId = '', seats = ''] = raw.split('|');
  return {
    holdId,
    eventId,
    status,
    expiresAt: Number(expiresAt),
    extended: extended === '1',
    createdAt: Number(createdAt),
    userId,
    seatIds: seats.split(',').filter(Boolean).map(Number),
  };
};

/** The reply of Redis `TIME` as milliseconds. */
export const redisTimeMs = ([seconds, micros]: [string, string]): number =>
  Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);

/** Runs a MULTI and returns its replies in order, throwing the first command error. */
export const execAtomically = async (multi: ChainableCommander): Promise<unknown[]> => {
  const replies = await multi.exec();
  if (!replies) throw new Error('Redis transaction was aborted');
  return replies.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
};
