// waitingRoom.status: the fan's state, place, ETA range and (once admitted) admission token, for
// clients that poll. Reading it also tells the queue the fan is still here (last-seen).
import { ZQueueStatus, ZWaitingRoomStatusRequest } from '@tessera/contracts/waiting-room';
import { readQueueStatus } from '@tessera/core/waiting-room/read-queue-status';
import { authedProcedure } from '../../procedures.ts';
import { queueStore, resolveWaitingRoomWindow } from './resolve-window.ts';

export const queueStatusProcedure = authedProcedure
  .input(ZWaitingRoomStatusRequest)
  .output(ZQueueStatus)
  .query(async ({ ctx, input }) => {
    const userId = ctx.user.id;
    const window = await resolveWaitingRoomWindow({
      ctx,
      call: 'queueStatus',
      userId,
      eventId: input.eventId,
    });
    return readQueueStatus({ ...queueStore(ctx), windowId: window.windowId, userId });
  });
