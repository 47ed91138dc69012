// Names of one event's seat-state keys in Redis. Every key shares the `{ev:<id>}` hash tag so each
// Lua script touches one cluster slot.
//
// Key family (P = configured prefix, T = `{ev:<eventId>}`), values chosen for HGET/HSET on short
// strings so the hot scripts never decode JSON:
//   P T:meta    hash   version (bumped by every change), loaded ('1' once a load committed),
//                      cancelled ('1' once the event's sale was cancelled: cancel-9),
//                      loadedAt (Redis ms). Scripts refuse with EVENT_NOT_LOADED until `loaded`.
//   P T:seats   hash   seatId -> '0' available | 's' sold | '<expiresAtMs>:<holdId>' held.
//                      A held value whose expiry is <= now is free (lazy expiry).
//   P T:expiry  zset   seatId scored by its own expiry (ms): the sweeper's work list.
//   P T:holds   hash   holdId -> 'status|expiresAtMs|extended|createdAtMs|userId|seatId,seatId'
//                      status h held, s sold, x expired by the sweeper; released holds are deleted.
//                      A held record whose expiry has passed is expired even before the sweep.
//   P T:users   hash   userId -> 'holdId,holdId' (pruned lazily) for the per-user seat limit.
//   P T:layout  hash   seatId -> 'rowId|tierId|left2|left1|right1|right2' (neighbour seat ids,
//                      0 past the row end): one HMGET gives the stranded-seat rule everything
//                      it needs without parsing a whole row.
//   P T:rows    hash   rowId -> '<centre>|seatId:tierId,seatId:tierId,...' in position order;
//                      centre = 1-based index (maybe fractional) of the seat(s) nearest the stage.
//   P T:rank    list   rowIds, best (nearest the stage) first: best-available scans in this order.
//   P T:stream  stream one entry per change: v, type (load|hold|release|extend|sell|expire|refund|cancel), ...
// A load writes the same layout into `P T:load:<nonce>:<name>` temp keys and one script renames
// them over the live keys and sets `loaded`, so a hold never sees a half-loaded event.

export interface EventKeysOptions {
  prefix: string;
  eventId: string;
}

export const LIVE_KEY_NAMES = [
  'meta',
  'seats',
  'expiry',
  'holds',
  'users',
  'layout',
  'rows',
  'rank',
  'stream',
] as const;

export type EventKeyName = (typeof LIVE_KEY_NAMES)[number];
export type EventKeys = Record<EventKeyName, string>;

/** The names a load fills before it commits; meta and stream are never replaced. */
export const LOADED_KEY_NAMES = [
  'seats',
  'expiry',
  'holds',
  'users',
  'layout',
  'rows',
  'rank',
] as const;

export type LoadedKeyName = (typeof LOADED_KEY_NAMES)[number];

export const eventTag = ({ prefix, eventId }: EventKeysOptions): string => {
  // A brace in the prefix or id would move the cluster hash tag away from `{ev:<id>}`.
  if (/[{}]/.test(prefix) || /[{}]/.test(eventId)) {
    throw new Error('Redis key prefix and event id must not contain braces');
  }
  return `${prefix}{ev:${eventId}}`;
};

export const eventKeys = (options: EventKeysOptions): EventKeys => {
  const tag = eventTag(options);
  return Object.fromEntries(LIVE_KEY_NAMES.map((name) => [name, `${tag}:${name}`])) as EventKeys;
};

export const loadTempKeys = (
  options: EventKeysOptions & { nonce: string },
): Record<LoadedKeyName, string> => {
  const tag = eventTag(options);
  return Object.fromEntries(
    LOADED_KEY_NAMES.map((name) => [name, `${tag}:load:${options.nonce}:${name}`]),
  ) as Record<LoadedKeyName, string>;
};
