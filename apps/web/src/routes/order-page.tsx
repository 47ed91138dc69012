// /orders/:orderId: the confirmation ("You're going!") with the event and every ticket's QR code.
import { Link, useParams } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { Page } from '../components/page.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { RequireSignIn } from '../features/auth/require-sign-in.tsx';
import { OrderStatusBadge } from '../features/orders/order-status-badge.tsx';
import { TicketCard } from '../features/orders/ticket-card.tsx';
import { describeError, readAppError } from '../lib/app-error.ts';
import { formatEventDate, formatPrice } from '../lib/format.ts';
import { trpc } from '../lib/trpc.ts';

const MISSING = new Set(['NOT_FOUND', 'VALIDATION', 'FORBIDDEN']);

const Order = () => {
  const { orderId = '' } = useParams();
  const query = trpc.orders.get.useQuery(
    { orderId },
    { retry: (count, error) => !MISSING.has(readAppError(error)?.code ?? '') && count < 2 },
  );
  if (query.isPending)
    return (
      <div role="status" aria-label="Loading order" className="space-y-4">
        <Skeleton className="h-40 rounded-2xl" />
        <Skeleton className="h-36 rounded-2xl" />
      </div>
    );
  if (query.isError) {
    if (MISSING.has(readAppError(query.error)?.code ?? ''))
      return (
        <EmptyState
          title="We could not find this order"
          action={
            <Link to="/tickets" className={buttonClasses('primary')}>
              My tickets
            </Link>
          }
        >
          It may belong to another account, or the link is mistyped.
        </EmptyState>
      );
    return (
      <ErrorState
        title="We could not load this order"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }
  const order = query.data;
  const confirmed = order.status === 'CONFIRMED';
  return (
    <div className="space-y-6">
      <header className="rounded-2xl bg-gradient-to-br from-emerald-600 to-teal-700 p-6 text-white shadow-sm sm:p-8">
        <p className="text-sm font-semibold text-white/85">
          {confirmed ? 'Order confirmed' : 'Order'}
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">
          {confirmed ? 'You’re going!' : order.event.title}
        </h1>
        <p className="mt-3 text-lg font-semibold">{order.event.title}</p>
        <p className="text-white/90">
          <time dateTime={order.event.startsAt}>{formatEventDate(order.event.startsAt)}</time> ·{' '}
          {order.event.venueName}, {order.event.city}
        </p>
      </header>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <OrderStatusBadge status={order.status} />
        <span>
          {order.tickets.length} ticket{order.tickets.length === 1 ? '' : 's'} · total{' '}
          {formatPrice(order.totalCents, order.currency)}
        </span>
        <span className="text-xs text-slate-500">Order {order.id.slice(0, 8)}</span>
      </div>
      <section aria-label="Tickets">
        <h2 className="mb-3 text-lg font-semibold text-slate-900">Your tickets</h2>
        <p className="mb-4 text-sm text-slate-600">
          Show the QR code at the entrance. Each code admits one person.
        </p>
        <ul className="grid gap-4 sm:grid-cols-2">
          {order.tickets.map((ticket) => (
            <TicketCard key={ticket.id} ticket={ticket} currency={order.currency} />
          ))}
        </ul>
      </section>
      <div className="flex flex-wrap gap-2">
        <Link to="/tickets" className={buttonClasses('secondary')}>
          All my tickets
        </Link>
        <Link to={`/events/${order.event.id}`} className={buttonClasses('ghost')}>
          Event details
        </Link>
      </div>
    </div>
  );
};

export const OrderPage = () => (
  <RequireSignIn title="Your order">
    <Page title="Your order">
      <Order />
    </Page>
  </RequireSignIn>
);
