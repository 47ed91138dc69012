// Options every seat-state wrapper shares, and the ARGV prefix the hold scripts have in common.
import { randomUUID } from 'node:crypto';
import type { AdmissionClaims } from '@tessera/contracts/waiting-room';
import type { Redis } from 'ioredis';

/**
 * Changes kept per event stream unless configured; old entries are trimmed approximately (MAXLEN ~).
 * 100k is about a minute of a 1,000 holds/s sale, so a seat map away that long still resumes.
 */
export const STREAM_MAX_LEN_DEFAULT = 100_000;

/**
 * This process's MAXLEN for every event stream, read by each script wrapper at call time (an ES
 * module live binding). Set once at startup from SEAT_STREAM_MAX_LEN with configureStreamMaxLen.
 */
export let DEFAULT_STREAM_MAX_LEN = STREAM_MAX_LEN_DEFAULT;

export const configureStreamMaxLen = (maxLen: number) => {
  positiveInteger('streamMaxLen', maxLen);
  DEFAULT_STREAM_MAX_LEN = maxLen;
};

export interface EventStoreOptions {
  redis: Redis;
  /** Key prefix of this deployment (or test file); must not contain braces. */
  prefix: string;
  eventId: string;
  streamMaxLen?: number;
}

export interface HoldRulesOptions extends EventStoreOptions {
  userId: string;
  /** Defaults to a new UUID; also the Postgres hold id once reconciled. */
  holdId?: string;
  ttlMs: number;
  perUserSeatLimit: number;
  /**
   * Claims of the fan's admission token, verified by signature (waiting-room/admission-token.ts).
   * Whether a token is needed is decided by the hold script itself, from the event's waiting-room
   * gate in Redis and Redis time, so nothing can slip through at the moment a window opens.
   */
  admissionClaims?: AdmissionClaims | null;
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

/** ARGV[1..11] of hold-9 and hold-best-11, in header order. */
export const holdRulesArgv = (options: HoldRulesOptions & { holdId: string }): string[] => {
  positiveInteger('ttlMs', options.ttlMs);
  positiveInteger('perUserSeatLimit', options.perUserSeatLimit);
  const claims = options.admissionClaims;
  return [
    options.eventId,
    options.holdId,
    options.userId,
    String(options.ttlMs),
    String(options.perUserSeatLimit),
    String(options.streamMaxLen ?? DEFAULT_STREAM_MAX_LEN),
    claims?.windowId ?? '',
    claims?.userId ?? '',
    claims?.eventId ?? '',
    claims ? String(Math.floor(claims.expiresAt)) : '',
    claims?.jti ?? '',
  ];
};

export const newHoldId = (): string => randomUUID();
