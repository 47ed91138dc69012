// waitingRoom.*: join the queue, read your place (poll), or follow it live (SSE).
import { router } from '../../init.ts';
import { joinWaitingRoomProcedure } from './join-waiting-room.ts';
import { onQueueUpdateProcedure } from './on-queue-update.ts';
import { queueStatusProcedure } from './queue-status.ts';

export const waitingRoomRouter = router({
  join: joinWaitingRoomProcedure,
  status: queueStatusProcedure,
  onUpdate: onQueueUpdateProcedure,
});
