// admin.events.cancel: the event is marked CANCELLED (no new sale info), its Redis sale stopped
// (holds released, every later hold refused), then every paid order refunded through the
// provider with its tickets cancelled and its seats returned. Cancelling again resumes: orders
// still CONFIRMED, or whose money the provider did not confirm, are retried.
import type { AdminCancelEventResponse } from '@tessera/contracts/admin';
import { refundOrder } from '../admin-orders/refund-order.ts';
import { cancelEventSeatState } from '../holds/cancel-event-seat-state.ts';
import { forgetCachedEvent, type AdminDeps } from './admin-deps.ts';
import { eventNotFound, getAdminEvent } from './admin-event-view.ts';

/** Refunds run a few at a time: the provider is a network call per order. */
const PARALLEL_REFUNDS = 8;

const ordersToRefund = async (deps: AdminDeps, eventId: string) =>
  (
    await deps.prisma.order.findMany({
      where: {
        eventId,
        OR: [
          { status: 'CONFIRMED' },
          {
            status: { in: ['CANCELLED', 'REFUNDED'] },
            payments: { some: { status: 'SUCCEEDED' } },
          },
        ],
      },
      orderBy: { id: 'asc' },
      select: { id: true },
    })
  ).map((o) => o.id);

export const cancelAdminEvent = async ({
  deps,
  eventId,
}: {
  deps: AdminDeps;
  eventId: string;
}): Promise<AdminCancelEventResponse> => {
  const { prisma } = deps;
  const found = await prisma.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!found) throw eventNotFound();
  await prisma.event.update({ where: { id: eventId }, data: { status: 'CANCELLED' } });
  await forgetCachedEvent(deps, eventId);
  const stopped = await cancelEventSeatState({ redis: deps.redis, prefix: deps.prefix, eventId });
  // Holds Redis released; reconciliation agrees when it applies the cancel entry.
  const released = await prisma.hold.updateMany({
    where: { eventId, status: 'ACTIVE' },
    data: { status: 'RELEASED' },
  });

  const pending = await ordersToRefund(deps, eventId);
  let refundedOrders = 0;
  let refundedCents = 0;
  const failedOrders: string[] = [];
  for (let i = 0; i < pending.length; i += PARALLEL_REFUNDS) {
    const batch = pending.slice(i, i + PARALLEL_REFUNDS);
    const outcomes = await Promise.allSettled(
      batch.map((orderId) => refundOrder({ deps, orderId, reason: 'event_cancelled' })),
    );
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') {
        refundedOrders += 1;
        refundedCents += outcome.value.refundedCents;
      } else {
        failedOrders.push(batch[index]!);
      }
    });
  }
  return {
    event: await getAdminEvent({ prisma, eventId }),
    refundedOrders,
    refundedCents,
    releasedHolds: Math.max(stopped.releasedHolds, released.count),
    failedOrders,
  };
};
