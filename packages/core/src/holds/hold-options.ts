// Options every seat-state wrapper shares, and the ARGV prefix the hold scripts have in common.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Changes kept per event stream; old entries are trimmed approximately (MAXLEN ~). */
export const DEFAULT_STREAM_MAX_LEN = 10_000;

export interface EventStoreOptions {
  redis: Redis;
  /** Key prefix of this deployment (or test file); must not contain braces. */
  prefix: string;
  eventId: string;
  streamMaxLen?: number;
}

/**
 * Hook for the waiting-room issue: the API verifies the admission token's signature and passes
 * its claims; the script checks them against the user, the event and Redis time.
 */
export interface AdmissionCheck {
  required: boolean;
  claims?: { userId: string; eventId: string; expiresAt: number };
}

export interface HoldRulesOptions extends EventStoreOptions {
  userId: string;
  /** Defaults to a new UUID; also the Postgres hold id once reconciled. */
  holdId?: string;
  ttlMs: number;
  perUserSeatLimit: number;
  admission?: AdmissionCheck;
}

export interface HoldResult {
  holdId: string;
  version: number;
  expiresAt: number;
  seatIds: number[];
}

export const positiveInteger = (name: string, value: number) => {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
};

/** ARGV[1..10] of hold-7 and hold-best-9, in header order. */
export const holdRulesArgv = (options: HoldRulesOptions & { holdId: string }): string[] => {
  positiveInteger('ttlMs', options.ttlMs);
  positiveInteger('perUserSeatLimit', options.perUserSeatLimit);
  const claims = options.admission?.claims;
  return [
    options.eventId,
    options.holdId,
    options.userId,
    String(options.ttlMs),
    String(options.perUserSeatLimit),
    String(options.streamMaxLen ?? DEFAULT_STREAM_MAX_LEN),
    options.admission?.required ? '1' : '0',
    claims?.userId ?? '',
    claims?.eventId ?? '',
    claims ? String(Math.floor(claims.expiresAt)) : '',
  ];
};

export const newHoldId = (): string => randomUUID();
