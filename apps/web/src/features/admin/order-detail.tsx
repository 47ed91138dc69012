// One order for support: the fan, the seats (tickets), payments and refunds, and a refund
// button that returns the money and puts the seats back on sale.
import type { AdminOrderDetail } from '@tessera/contracts/admin';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../../components/button.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatEventDate, formatPrice } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { OrderStatusBadge } from '../orders/order-status-badge.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
    <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
    {children}
  </section>
);

const REASON: Record<string, string> = {
  admin_refund: 'Refunded by an administrator',
  event_cancelled: 'Event cancelled',
};

export const OrderDetail = ({ order }: { order: AdminOrderDetail }) => {
  const utils = trpc.useUtils();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refund = trpc.admin.orders.refund.useMutation({
    onSuccess: async ({ order: updated, seatsReleased }) => {
      setConfirming(false);
      setNotice(
        `Refunded ${formatPrice(updated.totalCents, updated.currency)}; ${seatsReleased} ${
          seatsReleased === 1 ? 'seat is' : 'seats are'
        } back on sale.`,
      );
      utils.admin.orders.get.setData({ orderId: updated.id }, updated);
      await utils.admin.orders.list.invalidate();
    },
  });
  const canRefund = order.status === 'CONFIRMED';
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Section title="Seats">
          <ul className="divide-y divide-slate-100">
            {order.seats.map((seat) => (
              <li
                key={seat.ticketId}
                className="flex flex-wrap items-center gap-x-2 gap-y-0.5 py-2 text-sm"
              >
                <span className="min-w-0 flex-1 basis-full text-slate-900 sm:basis-0">
                  {seat.label}
                </span>
                <span className="flex-1 text-slate-600 sm:flex-none">{seat.tierName}</span>
                <span className="w-20 text-right text-slate-900">
                  {formatPrice(seat.priceCents, order.currency)}
                </span>
                <span className="w-24 text-right text-xs font-semibold text-slate-600 uppercase">
                  {seat.status.toLowerCase()}
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Payments">
          {order.payments.length === 0 ? (
            <p className="text-sm text-slate-600">No payment recorded.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {order.payments.map((p) => (
                <li key={p.id} className="flex flex-wrap gap-x-3 gap-y-1">
                  <span className="font-semibold text-slate-900">
                    {formatPrice(p.amountCents, p.currency)}
                  </span>
                  <span className="text-slate-700">{p.status.toLowerCase()}</span>
                  <span className="text-slate-500">
                    {p.provider}
                    {p.providerRef && ` · ${p.providerRef}`}
                  </span>
                  <span className="text-slate-500">{formatEventDate(p.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Refunds">
          {order.refunds.length === 0 ? (
            <p className="text-sm text-slate-600">No refund yet.</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="order-refunds">
              {order.refunds.map((r) => (
                <li key={r.paymentId} className="flex flex-wrap gap-x-3">
                  <span className="font-semibold text-slate-900">
                    {formatPrice(r.amountCents, r.currency)}
                  </span>
                  <span className="text-slate-700">
                    {(r.reason && REASON[r.reason]) ?? r.reason}
                  </span>
                  <span className="text-slate-500">{formatEventDate(r.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <div className="space-y-4">
        <Section title="Order">
          <dl className="space-y-2 text-sm">
            <div className="flex items-center justify-between gap-2">
              <dt className="text-slate-600">Status</dt>
              <dd data-testid="admin-order-status">
                <OrderStatusBadge status={order.status} />
              </dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-slate-600">Total</dt>
              <dd className="font-semibold">{formatPrice(order.totalCents, order.currency)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Fan</dt>
              <dd className="break-all text-slate-900">
                {order.user.name} · {order.user.email}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Event</dt>
              <dd>
                <Link
                  to={`/admin/events/${order.event.id}`}
                  className="font-medium text-indigo-700 underline"
                >
                  {order.event.title}
                </Link>
                <span className="block text-slate-600">
                  {formatEventDate(order.event.startsAt)}
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Order id</dt>
              <dd className="font-mono text-xs break-all text-slate-700">{order.id}</dd>
            </div>
          </dl>
          {notice && (
            <p
              role="status"
              className="mt-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            >
              {notice}
            </p>
          )}
          {canRefund && (
            <Button className="mt-4 w-full" onClick={() => setConfirming(true)}>
              Refund order
            </Button>
          )}
        </Section>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Refund this order?"
        confirmLabel="Refund"
        danger
        pending={refund.isPending}
        error={refund.error ? describeError(refund.error) : null}
        onConfirm={() => refund.mutate({ orderId: order.id })}
        onClose={() => {
          setConfirming(false);
          refund.reset();
        }}
      >
        {formatPrice(order.totalCents, order.currency)} goes back to {order.user.email} through the
        payment provider, the tickets stop working and {order.seats.length}{' '}
        {order.seats.length === 1 ? 'seat goes' : 'seats go'} back on sale.
      </ConfirmDialog>
    </div>
  );
};
