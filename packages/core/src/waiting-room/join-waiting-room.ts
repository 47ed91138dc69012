// waitingRoom.join: one place per (window, fan). Before the start the fan enters the pre-queue
// (ordered by the lottery at the start); afterwards the queue, first come first served. Joining
// again returns the same place. One Lua call, no Postgres.
import type { QueuePlace } from '@tessera/contracts/waiting-room';
import type { WindowStoreOptions } from './waiting-room-options.ts';

export interface JoinWaitingRoomOptions extends WindowStoreOptions {
  userId: string;
}

export const joinWaitingRoom = async (_options: JoinWaitingRoomOptions): Promise<QueuePlace> => {
  throw new Error('not yet');
};
