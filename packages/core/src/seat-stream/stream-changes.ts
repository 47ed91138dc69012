// Turns an event's seat-state stream entries into coalesced deltas (last status per seat).
import type { SeatsDelta } from '@tessera/contracts/seats';

type SeatStatus = SeatsDelta['seats'][number][1];

/** One parsed stream entry: its version, kind and the seats it touched. */
export interface StreamChange {
  version: number;
  type: string;
  seatIds: number[];
}

/**
 * A hub delta. `loadVersion` is the version of the latest load inside it (0 if none): a client
 * older than that needs a fresh snapshot, since a load replaces the whole state.
 */
export type HubDelta = SeatsDelta & { loadVersion: number };

/** ioredis' raw entry shape: [id, [field, value, field, value, ...]]. */
export type RawStreamEntry = [string, string[]];

const STATUS_BY_TYPE: Record<string, SeatStatus | undefined> = {
  hold: 'h',
  release: 'a',
  expire: 'a',
  sell: 's',
};

export const parseStreamEntry = ([, fields]: RawStreamEntry): StreamChange => {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i]!, fields[i + 1]!);
  const seats = values.get('seats') ?? '';
  return {
    version: Number(values.get('v')),
    type: values.get('type') ?? '',
    seatIds: seats === '' ? [] : seats.split(',').map(Number),
  };
};

/** Folds changes (ascending versions) into one delta starting after `fromVersion`. */
export const coalesceChanges = ({
  fromVersion,
  changes,
}: {
  fromVersion: number;
  changes: StreamChange[];
}): HubDelta => {
  const statuses = new Map<number, SeatStatus>();
  let loadVersion = 0;
  let toVersion = fromVersion;
  for (const change of changes) {
    toVersion = Math.max(toVersion, change.version);
    if (change.type === 'load') {
      // Changes before a load are superseded by it; only later ones stay in the delta.
      loadVersion = change.version;
      statuses.clear();
    }
    const status = STATUS_BY_TYPE[change.type];
    // extend changes only the expiry, so the seat's status stays as it was.
    if (status === undefined) continue;
    for (const seatId of change.seatIds) {
      statuses.delete(seatId);
      statuses.set(seatId, status);
    }
  }
  return { fromVersion, toVersion, seats: [...statuses], loadVersion };
};
