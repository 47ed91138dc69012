// The process-wide seat-stream hubs of a request's deployment (one per Redis client and prefix).
import {
  createAvailabilityHub,
  sharedAvailabilityHub,
} from '@tessera/core/seat-stream/availability-hub';
import { sharedEventStreamHub } from '@tessera/core/seat-stream/event-stream-hub';
import { readTierCounts } from '@tessera/core/seat-stream/read-tier-counts';
import type { Context } from '../../context.ts';

export const eventStreamHubOf = (ctx: Pick<Context, 'checkout' | 'config'>) =>
  sharedEventStreamHub({
    redis: ctx.checkout.redis,
    prefix: ctx.checkout.prefix,
    windowMs: ctx.config.seatStream.coalesceWindowMs,
  });

export const availabilityHubOf = (ctx: Pick<Context, 'checkout' | 'config'>) =>
  sharedAvailabilityHub({
    redis: ctx.checkout.redis,
    prefix: ctx.checkout.prefix,
    create: () =>
      createAvailabilityHub({
        hub: eventStreamHubOf(ctx),
        loadCounts: (eventId) => readTierCounts({ ...ctx.checkout, eventId }),
      }),
  });
