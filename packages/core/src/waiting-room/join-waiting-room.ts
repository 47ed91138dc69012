// waitingRoom.join: one place per (window, fan). Before the start the fan enters the pre-queue
// (ordered by the lottery at the start); afterwards the queue, first come first served. Joining
// again returns the same place. One Lua call, no Postgres.
import type { QueuePlace } from '@tessera/contracts/waiting-room';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { windowKeys } from './keys.ts';
import { windowCommands, windowKeyList } from './lua-scripts.ts';
import { nowArg, type WindowStoreOptions } from './waiting-room-options.ts';

export interface JoinWaitingRoomOptions extends WindowStoreOptions {
  userId: string;
}

const REFUSALS: Record<number, { code: AppErrorCode; userMessage: string }> = {
  [-1]: { code: AppErrorCode.NOT_FOUND, userMessage: 'This sale has no waiting room.' },
  [-2]: { code: AppErrorCode.CONFLICT, userMessage: 'This sale has ended.' },
  [-3]: { code: AppErrorCode.CONFLICT, userMessage: 'This sale is sold out.' },
  [-4]: {
    code: AppErrorCode.CONFLICT,
    userMessage: 'The waiting room is not open yet; come back when the pre-queue opens.',
  },
};

const STATE_OF_PLACE: Record<string, QueuePlace['state']> = {
  prequeue: 'PRE_QUEUE',
  queue: 'WAITING',
  away: 'WAITING',
  returned: 'WAITING',
  admitted: 'ADMITTED',
  expired: 'EXPIRED',
};

export const joinWaitingRoom = async (options: JoinWaitingRoomOptions): Promise<QueuePlace> => {
  const { redis, windowId, userId } = options;
  const keys = windowKeyList(windowKeys(options));
  const reply = (await windowCommands(redis).tesseraWrJoin_v1(
    ...keys,
    userId,
    nowArg(options.nowMs),
  )) as Array<number | string>;
  const status = Number(reply[0]);
  const refusal = REFUSALS[status];
  if (refusal) {
    throw new AppError(refusal.code, {
      message: `waiting room join refused (${status}) for window ${windowId}`,
      userMessage: refusal.userMessage,
    });
  }
  return {
    windowId,
    state: STATE_OF_PLACE[String(reply[2])] ?? 'WAITING',
    joinedNow: status === 1,
    joinedAt: Number(reply[1]),
  };
};
