// Names of one waiting-room window's keys in Redis, and of the per-event keys the hold scripts read.
// Window keys share the `{wr:<windowId>}` hash tag, event keys the `{ev:<eventId>}` tag of
// holds/keys.ts, so every script touches one cluster slot.
//
// Window key family (P = configured prefix, W = `{wr:<windowId>}`):
//   P W:config    hash   the window mirrored from Postgres (eventId, name, status, startsAt,
//                        endsAt, preQueueOpensAt, mode, rate, maxActive, sessionMs, graceMs,
//                        perFan) plus live fields: seq (arrival counter), jtiSeq, commitment,
//                        seed (secret until the lottery), seedRevealed ('1' after), sealed ('1' once
//                        the pre-queue is closed), lotteryDone ('1' once ordered), paceBaseMs,
//                        paceBaseCount, admittedTotal, soldOut ('1'); the Postgres mirror's
//                        cursors (mirroredSeq, mirroredPreMs, mirroredJti) and restored ('1' once
//                        the window's state was put back from Postgres, or found with none).
//   P W:prequeue  zset   userId -> joinedAt ms: fans who joined before the start (lottery input).
//   P W:queue     zset   userId -> order (lottery rank 1..N, then LATE_BASE + arrival seq): waiting.
//   P W:away      zset   userId -> order: skipped at the head because last-seen was too old.
//   P W:returned  zset   userId -> order: came back in time; admitted first at the next step.
//   P W:fans      hash   userId -> 'joinedAt|order' ; 'p:'userId -> 'atMs|predictedWaitMs'
//                        (first ETA shown) ; 'a:'userId -> skippedAt ms while away.
//   P W:seen      hash   userId -> last status/onUpdate call (ms).
//   P W:admitted  hash   userId -> 'admittedAt|expiresAt|jti|state' (state a live, c consumed,
//                        x expired unused).
//   P W:active    zset   userId -> session expiresAt: admitted and neither consumed nor expired.
//   P W:stats     hash   counters: joined, admitted, skipped, returned, abandoned, consumed;
//                        'm:<minute>' -> fans admitted in that minute (epoch ms / 60000).
//   P W:waits     list   recent waits at admission (ms), newest first, capped.
//   P W:etaerr    list   recent |predicted - actual| waits (ms), newest first, capped.
// Event keys (T = `{ev:<eventId>}`):
//   P T:gate      hash   'w:<windowId>' -> 'startsAt|endsAt|status' for each waiting-room window
//                        not ended: the hold scripts demand a token while Redis time is inside one.
//   P T:consumed  set    '<windowId>:<jti>' of tokens whose order completed: refused afterwards.
import { eventTag } from '../holds/keys.ts';

export const WINDOW_KEY_NAMES = [
  'config',
  'prequeue',
  'queue',
  'away',
  'returned',
  'fans',
  'seen',
  'admitted',
  'active',
  'stats',
  'waits',
  'etaerr',
] as const;

export type WindowKeyName = (typeof WINDOW_KEY_NAMES)[number];
export type WindowKeys = Record<WindowKeyName, string>;

/** Order scores at or above this are arrivals after the start (FIFO); below: lottery ranks. */
export const LATE_BASE = 1_000_000_000;

export interface WindowKeysOptions {
  prefix: string;
  windowId: string;
}

export const windowTag = ({ prefix, windowId }: WindowKeysOptions): string => {
  if (/[{}]/.test(prefix) || /[{}]/.test(windowId)) {
    throw new Error('Redis key prefix and window id must not contain braces');
  }
  return `${prefix}{wr:${windowId}}`;
};

export const windowKeys = (options: WindowKeysOptions): WindowKeys => {
  const tag = windowTag(options);
  return Object.fromEntries(WINDOW_KEY_NAMES.map((name) => [name, `${tag}:${name}`])) as WindowKeys;
};

/** The event-slot keys the hold scripts consult for admission. */
export const eventGateKeys = (options: { prefix: string; eventId: string }) => {
  const tag = eventTag(options);
  return { gate: `${tag}:gate`, consumed: `${tag}:consumed` };
};
