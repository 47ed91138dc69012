// Publish, unpublish and cancel, each confirmed in a dialog; the outcome ("2 orders refunded")
// stays on the page afterwards.
import type { AdminEventDetail } from '@tessera/contracts/admin';
import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatPrice } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

type Action = 'publish' | 'unpublish' | 'cancel';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const EventActions = ({ event }: { event: AdminEventDetail }) => {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = async (message: string) => {
    setOpen(null);
    setNotice(message);
    await Promise.all([utils.admin.events.invalidate(), utils.admin.orders.invalidate()]);
  };
  const publish = trpc.admin.events.publish.useMutation({
    onSuccess: () => done('The event is published: fans can find it and buy tickets.'),
  });
  const unpublish = trpc.admin.events.unpublish.useMutation({
    onSuccess: () => done('The event is back to draft and hidden from fans.'),
  });
  const cancel = trpc.admin.events.cancel.useMutation({
    onSuccess: (result) =>
      done(
        `The event is cancelled. ${plural(result.refundedOrders, 'order', 'orders')} refunded (${formatPrice(
          result.refundedCents,
          result.event.currency,
        )}), ${plural(result.releasedHolds, 'hold', 'holds')} released.` +
          (result.failedOrders.length > 0
            ? ` ${plural(result.failedOrders.length, 'refund', 'refunds')} failed at the payment provider: cancel again to retry.`
            : ''),
      ),
  });
  const start = (action: Action) => {
    publish.reset();
    unpublish.reset();
    cancel.reset();
    setOpen(action);
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {event.status === 'DRAFT' && <Button onClick={() => start('publish')}>Publish</Button>}
        {event.status === 'PUBLISHED' && (
          <Button variant="secondary" onClick={() => start('unpublish')}>
            Unpublish
          </Button>
        )}
        {(event.status !== 'CANCELLED' ||
          event.orders.confirmed + event.orders.awaitingRefund > 0) && (
          <Button variant="secondary" className="text-red-700" onClick={() => start('cancel')}>
            {event.status === 'CANCELLED' ? 'Retry refunds' : 'Cancel event'}
          </Button>
        )}
      </div>
      {notice && (
        <p
          role="status"
          data-testid="event-action-result"
          className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {notice}
        </p>
      )}
      <ConfirmDialog
        open={open === 'publish'}
        title="Publish this event?"
        confirmLabel="Publish"
        pending={publish.isPending}
        error={publish.error ? describeError(publish.error) : null}
        onConfirm={() => publish.mutate({ id: event.id })}
        onClose={() => setOpen(null)}
      >
        Fans will see “{event.title}” in the catalogue and can buy tickets during its on-sale
        windows.
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'unpublish'}
        title="Unpublish this event?"
        confirmLabel="Unpublish"
        pending={unpublish.isPending}
        error={unpublish.error ? describeError(unpublish.error) : null}
        onConfirm={() => unpublish.mutate({ id: event.id })}
        onClose={() => setOpen(null)}
      >
        It goes back to draft and disappears from the catalogue. This is only possible while no seat
        is sold or held.
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'cancel'}
        title="Cancel this event?"
        confirmLabel="Cancel event and refund"
        danger
        pending={cancel.isPending}
        error={cancel.error ? describeError(cancel.error) : null}
        onConfirm={() => cancel.mutate({ id: event.id })}
        onClose={() => setOpen(null)}
      >
        Every paid order ({plural(event.orders.confirmed, 'order', 'orders')}) is refunded through
        the payment provider, tickets are cancelled and seats in holds are released. This cannot be
        undone.
      </ConfirmDialog>
    </div>
  );
};
