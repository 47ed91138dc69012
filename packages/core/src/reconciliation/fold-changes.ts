// Folds a batch of stream changes into one mutation per hold, so a batch of thousands of changes
// becomes a handful of set-based statements. Terminal statuses are final: the first one wins,
// exactly as the SQL only moves a hold out of ACTIVE.
import type { SeatChange } from '../holds/stream-entry.ts';

export type TerminalHoldStatus = 'RELEASED' | 'EXPIRED' | 'CONVERTED';

export interface HoldMutation {
  holdId: string;
  /** Version of the last change in the batch that touched this hold. */
  version: number;
  /** Set when the batch contains the hold's creation. */
  created?: { userId: string; seatIds: number[]; createdAt: number };
  /** New expiry of the hold and its seats (creation or extension). */
  expiresAt?: number;
  extendedAt?: number;
  status?: TerminalHoldStatus;
}

export type ReconcilableChange = Exclude<SeatChange, { type: 'load' }>;

export const foldChanges = (changes: ReconcilableChange[]): HoldMutation[] => {
  const byHold = new Map<string, HoldMutation>();
  const touch = (holdId: string, version: number): HoldMutation => {
    let mutation = byHold.get(holdId);
    if (!mutation) byHold.set(holdId, (mutation = { holdId, version }));
    mutation.version = Math.max(mutation.version, version);
    return mutation;
  };
  const finish = (holdId: string, version: number, status: TerminalHoldStatus) => {
    const mutation = touch(holdId, version);
    mutation.status ??= status;
  };
  for (const change of changes) {
    switch (change.type) {
      case 'hold': {
        const mutation = touch(change.holdId, change.version);
        mutation.created = {
          userId: change.userId,
          seatIds: change.seatIds,
          createdAt: change.at,
        };
        mutation.expiresAt = change.expiresAt;
        // A seat can only be taken over once its old hold's clock ran out: that hold expired.
        for (const old of change.takenFrom) finish(old, change.version, 'EXPIRED');
        break;
      }
      case 'extend': {
        const mutation = touch(change.holdId, change.version);
        if (!mutation.status) {
          mutation.expiresAt = change.expiresAt;
          mutation.extendedAt = change.at;
        }
        break;
      }
      case 'release':
        finish(change.holdId, change.version, 'RELEASED');
        break;
      case 'sell':
        finish(change.holdId, change.version, 'CONVERTED');
        break;
      case 'expire':
        for (const holdId of change.holdIds) finish(holdId, change.version, 'EXPIRED');
        break;
      case 'cancel':
        for (const holdId of change.holdIds) finish(holdId, change.version, 'RELEASED');
        break;
      case 'refund':
        // Sold seats live in order_seats (refunded in Postgres first), not in the hold mirror.
        break;
    }
  }
  return [...byHold.values()];
};
