// seats.onAvailability: live per-tier counts of up to 50 events (the event list), each event's
// current counts first, then at most about one message per second per event while it changes.
import { ZSeatsOnAvailabilityRequest, type EventAvailability } from '@tessera/contracts/seats';
import { AppErrorCode } from '@tessera/contracts/errors';
import { isAppError } from '@tessera/core/errors/app-error';
import { publicProcedure } from '../../procedures.ts';
import { availabilityHubOf } from './seat-hubs.ts';
import { createSubscriptionQueue } from '../../subscription-queue.ts';

export const seatsOnAvailabilityProcedure = publicProcedure
  .input(ZSeatsOnAvailabilityRequest)
  .subscription(async function* ({ ctx, input, signal }) {
    const hub = availabilityHubOf(ctx);
    const queue = createSubscriptionQueue<EventAvailability>(signal, {
      keyOf: (message) => message.eventId,
    });
    // Settle every subscribe before acting on a failure, so none is left registered behind it.
    const results = await Promise.allSettled(
      [...new Set(input.eventIds)].map((eventId) =>
        hub.subscribe({ eventId, listener: queue.push }),
      ),
    );
    const unsubscribes = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    try {
      for (const result of results) {
        // An event that is not (or no longer) on sale has no seat map: it sends nothing.
        if (result.status === 'rejected') {
          const error: unknown = result.reason;
          if (!isAppError(error) || error.code !== AppErrorCode.NOT_FOUND) throw error;
        }
      }
      for (;;) {
        const message = await queue.next();
        if (!message) return;
        yield message;
      }
    } finally {
      for (const unsubscribe of unsubscribes) unsubscribe();
    }
  });
