// admin.dashboard.onStats (SSE): the event's live sale figures once a second. Every admin watching
// the same event in this process shares one ticker; a slow client gets the newest figures only.
import {
  ZDashboardStatsRequest,
  type DashboardStats,
  type DashboardStatsRequest,
} from '@tessera/contracts/dashboard';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';
import { adminProcedure } from '../../../procedures.ts';
import { createSubscriptionQueue } from '../../../subscription-queue.ts';
import { sharedDashboardHub } from './dashboard-hub.ts';

const DASHBOARD_EVERY_MS = 1000;
const SALE_TOTALS_TTL_MS = 3000;

export const onDashboardStatsProcedure = adminProcedure
  .input(ZDashboardStatsRequest)
  // A middleware, not the generator, looks the event up: an unknown event is refused before the
  // stream opens, so the client gets NOT_FOUND instead of a stream that reconnects.
  .use(async ({ ctx, input, next }) => {
    const event = await ctx.prisma.event.findUnique({
      where: { id: (input as DashboardStatsRequest).eventId },
      select: { title: true },
    });
    if (!event) {
      throw new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'We could not find that event.' });
    }
    return next({ ctx: { eventTitle: event.title } });
  })
  .subscription(async function* ({ ctx, input, signal }) {
    const hub = sharedDashboardHub({
      ...ctx.checkout,
      everyMs: DASHBOARD_EVERY_MS,
      saleTotalsTtlMs: SALE_TOTALS_TTL_MS,
      onError: (error) => ctx.log.warn({ err: error }, 'dashboard stats read failed'),
    });
    // Latest wins: a slow client gets the newest stats, never a backlog of stale ones.
    const mailbox = createSubscriptionQueue<DashboardStats>(signal, { keyOf: () => 'latest' });
    const unsubscribe = hub.subscribe({
      eventId: input.eventId,
      title: ctx.eventTitle,
      listener: mailbox.push,
    });
    try {
      for (;;) {
        const stats = await mailbox.next();
        if (!stats) return;
        yield stats;
      }
    } finally {
      unsubscribe();
    }
  });
