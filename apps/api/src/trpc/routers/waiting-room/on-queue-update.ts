// waitingRoom.onUpdate (SSE): the fan's status at once, then every change (position, ahead, ETA,
// state, and the admission token at admission). Statuses come from the process's shared ticker,
// so a subscriber costs one pipelined Redis read per tick, and nothing once it disconnects.
import { ZWaitingRoomStatusRequest } from '@tessera/contracts/waiting-room';
import type { QueueStatus } from '@tessera/contracts/waiting-room';
import { readQueueStatus } from '@tessera/core/waiting-room/read-queue-status';
import { authedProcedure } from '../../procedures.ts';
import { createSubscriptionQueue } from '../../subscription-queue.ts';
import { queueStore, resolveWaitingRoomWindow } from './resolve-window.ts';
import { sharedQueueStatusHub } from './queue-status-hub.ts';

export const onQueueUpdateProcedure = authedProcedure
  .input(ZWaitingRoomStatusRequest)
  .subscription(async function* ({ ctx, input, signal }) {
    const userId = ctx.user.id;
    const window = await resolveWaitingRoomWindow({
      ctx,
      call: 'queueStatus',
      userId,
      eventId: input.eventId,
    });
    const store = queueStore(ctx);
    const hub = sharedQueueStatusHub({ ...store, everyMs: ctx.config.waitingRoom.updateEveryMs });
    const first = await readQueueStatus({ ...store, windowId: window.windowId, userId });
    // Latest wins: a slow client gets the newest status, never a backlog of stale ones.
    const mailbox = createSubscriptionQueue<QueueStatus>(signal, { keyOf: () => 'latest' });
    const unsubscribe = hub.subscribe({
      windowId: window.windowId,
      userId,
      listener: mailbox.push,
      first,
    });
    try {
      yield first;
      for (;;) {
        const status = await mailbox.next();
        if (!status) return;
        yield status;
      }
    } finally {
      unsubscribe();
    }
  });
