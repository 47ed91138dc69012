// Turns an event's seat-state changes (holds/stream-entry.ts) into coalesced deltas (last status
// per seat).
import type { SeatsDelta } from '@tessera/contracts/seats';
import type { SeatChange } from '../holds/stream-entry.ts';

type SeatStatus = SeatsDelta['seats'][number][1];

/**
 * A hub delta. `loadVersion` is the version of the latest load inside it (0 if none): a client
 * older than that needs a fresh snapshot, since a load replaces the whole state.
 */
export type HubDelta = SeatsDelta & { loadVersion: number };

const STATUS_BY_TYPE: Record<string, SeatStatus | undefined> = {
  hold: 'h',
  release: 'a',
  expire: 'a',
  sell: 's',
  refund: 'a',
  cancel: 'a',
};

/** Folds changes (ascending versions) into one delta starting after `fromVersion`. */
export const coalesceChanges = ({
  fromVersion,
  changes,
}: {
  fromVersion: number;
  changes: SeatChange[];
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
    if (status === undefined || change.type === 'load') continue;
    for (const seatId of change.seatIds) {
      statuses.delete(seatId);
      statuses.set(seatId, status);
    }
  }
  return { fromVersion, toVersion, seats: [...statuses], loadVersion };
};
