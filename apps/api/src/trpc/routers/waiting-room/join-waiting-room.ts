// waitingRoom.join: a signed-in fan takes (or gets back) their one place in the event's current or
// next waiting-room window. No Postgres: the window comes from Redis, the place from one script.
import { ZQueuePlace, ZJoinWaitingRoomRequest } from '@tessera/contracts/waiting-room';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';
import { joinWaitingRoom } from '@tessera/core/waiting-room/join-waiting-room';
import { authedProcedure } from '../../procedures.ts';
import { queueStore, resolveWaitingRoomWindow } from './resolve-window.ts';

const formatOpening = (ms: number) => new Date(ms).toUTCString().replace(' GMT', ' UTC');

export const joinWaitingRoomProcedure = authedProcedure
  .input(ZJoinWaitingRoomRequest)
  .output(ZQueuePlace)
  .mutation(async ({ ctx, input }) => {
    const userId = ctx.user.id;
    const window = await resolveWaitingRoomWindow({
      ctx,
      call: 'join',
      userId,
      eventId: input.eventId,
    });
    const opensAt = window.preQueueOpensAt ?? window.startsAt;
    if (window.status === 'SCHEDULED' && Date.now() < opensAt)
      throw new AppError(AppErrorCode.CONFLICT, {
        userMessage: `The queue opens at ${formatOpening(opensAt)}. Come back then; joining early does not help, places are drawn by lottery.`,
      });
    return joinWaitingRoom({ ...queueStore(ctx), windowId: window.windowId, userId });
  });
