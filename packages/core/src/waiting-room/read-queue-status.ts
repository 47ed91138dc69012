// waitingRoom.status / onUpdate: the fan's state, place, ETA range and (once admitted) a signed
// admission token. Also records the fan's last-seen time, which keeps them from being skipped as
// away, and brings back a fan who was skipped while away (see advance-admission.ts).
import type { QueueStatus } from '@tessera/contracts/waiting-room';
import type { WindowStoreOptions } from './waiting-room-options.ts';

export interface ReadQueueStatusOptions extends WindowStoreOptions {
  userId: string;
  /** ADMISSION_TOKEN_SECRET. */
  tokenSecret: string;
}

export const readQueueStatus = async (_options: ReadQueueStatusOptions): Promise<QueueStatus> => {
  throw new Error('not yet');
};
