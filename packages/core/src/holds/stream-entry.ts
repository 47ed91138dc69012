// Parses an event's Redis change stream (see keys.ts and the lua/*.lua headers) into typed changes:
// the one reader of the format, for reconciliation and the live seat map alike. The stream entry
// id's millisecond part is Redis time when the change happened.

export interface ChangeBase {
  /** Stream entry id, e.g. '1764100000123-0'. */
  id: string;
  version: number;
  /** Redis time of the change (ms), from the entry id. */
  at: number;
}

export type SeatChange = ChangeBase &
  (
    | { type: 'load' }
    | {
        type: 'hold';
        holdId: string;
        userId: string;
        seatIds: number[];
        expiresAt: number;
        /** Expired holds whose seats this hold took over (their clock had run out). */
        takenFrom: string[];
      }
    | { type: 'release' | 'sell'; holdId: string; seatIds: number[] }
    | { type: 'extend'; holdId: string; seatIds: number[]; expiresAt: number }
    | { type: 'expire'; holdIds: string[]; seatIds: number[] }
    /** Sold seats returned to sale by a refund (holdId: the refunded sale, '' if unknown). */
    | { type: 'refund'; holdId: string; seatIds: number[] }
    /** The event was cancelled: its holds released, their seats freed (sold seats stay sold). */
    | { type: 'cancel'; holdIds: string[]; seatIds: number[] }
  );

export type RawStreamEntry = [id: string, fields: string[]];

const csv = (value: string | undefined): string[] =>
  value ? value.split(',').filter((item) => item.length > 0) : [];

/** '12:holdA,13:holdA' -> ['holdA'] (distinct, first-seen order). */
const holdsOfPairs = (value: string | undefined): string[] => [
  ...new Set(csv(value).map((pair) => pair.slice(pair.indexOf(':') + 1))),
];

/** '12:holdA,13:holdA' -> [12, 13]. */
const seatsOfPairs = (value: string | undefined): number[] =>
  csv(value).map((pair) => Number(pair.slice(0, pair.indexOf(':'))));

export const parseStreamEntry = ([id, fields]: RawStreamEntry): SeatChange => {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  const base = { id, version: Number(f.v), at: Number(id.slice(0, id.indexOf('-'))) };
  if (!Number.isSafeInteger(base.version) || base.version <= 0) {
    throw new Error(`Stream entry ${id} has no valid version`);
  }
  switch (f.type) {
    case 'load':
      return { ...base, type: 'load' };
    case 'hold':
      return {
        ...base,
        type: 'hold',
        holdId: f.hold!,
        userId: f.user!,
        seatIds: csv(f.seats).map(Number),
        expiresAt: Number(f.exp),
        takenFrom: holdsOfPairs(f.taken),
      };
    case 'release':
    case 'sell':
      return { ...base, type: f.type, holdId: f.hold!, seatIds: csv(f.seats).map(Number) };
    case 'extend':
      return {
        ...base,
        type: 'extend',
        holdId: f.hold!,
        seatIds: csv(f.seats).map(Number),
        expiresAt: Number(f.exp),
      };
    case 'expire':
      return {
        ...base,
        type: 'expire',
        holdIds: holdsOfPairs(f.seats),
        seatIds: seatsOfPairs(f.seats),
      };
    case 'refund':
      return { ...base, type: 'refund', holdId: f.hold ?? '', seatIds: csv(f.seats).map(Number) };
    case 'cancel':
      return {
        ...base,
        type: 'cancel',
        holdIds: [...new Set([...csv(f.holds), ...holdsOfPairs(f.seats)])],
        seatIds: seatsOfPairs(f.seats),
      };
    default:
      throw new Error(`Stream entry ${id} has unknown type "${f.type}"`);
  }
};

/** Compares stream entry ids ('ms-seq') numerically. */
export const compareStreamIds = (a: string, b: string): number => {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
};
