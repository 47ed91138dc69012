// /tickets: "My tickets", the fan's orders newest first, with loading, empty and error states.
import { Link } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { Page } from '../components/page.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { RequireSignIn } from '../features/auth/require-sign-in.tsx';
import { OrderStatusBadge } from '../features/orders/order-status-badge.tsx';
import { describeError } from '../lib/app-error.ts';
import { formatEventDate, formatPrice } from '../lib/format.ts';
import { trpc } from '../lib/trpc.ts';

const Orders = () => {
  const query = trpc.orders.mine.useQuery(undefined, { staleTime: 0 });
  if (query.isPending)
    return (
      <div role="status" aria-label="Loading your tickets" className="space-y-3">
        <Skeleton className="h-24 rounded-2xl" />
        <Skeleton className="h-24 rounded-2xl" />
      </div>
    );
  if (query.isError)
    return (
      <ErrorState
        title="We could not load your tickets"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  if (query.data.items.length === 0)
    return (
      <EmptyState
        title="No tickets yet"
        action={
          <Link to="/events" className={buttonClasses('primary')}>
            Find events
          </Link>
        }
      >
        When you buy tickets they appear here, with the QR codes you show at the door.
      </EmptyState>
    );
  return (
    <ul className="space-y-3" data-testid="order-list">
      {query.data.items.map((order) => (
        <li key={order.id}>
          <Link
            to={`/orders/${order.id}`}
            className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300"
            data-testid="order-row"
          >
            <div className="min-w-0 flex-1">
              <p className="font-semibold text-slate-900">{order.event.title}</p>
              <p className="text-sm text-slate-600">
                <time dateTime={order.event.startsAt}>{formatEventDate(order.event.startsAt)}</time>{' '}
                · {order.event.venueName}
              </p>
            </div>
            <div className="flex items-center gap-3 text-sm">
              <span className="text-slate-700" data-testid="order-ticket-count">
                {order.ticketCount} ticket{order.ticketCount === 1 ? '' : 's'}
              </span>
              <span className="font-semibold text-slate-900">
                {formatPrice(order.totalCents, order.currency)}
              </span>
              <OrderStatusBadge status={order.status} />
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
};

export const TicketsPage = () => (
  <RequireSignIn title="My tickets">
    <Page
      title="My tickets"
      heading="My tickets"
      description="Your orders and the tickets in them."
    >
      <Orders />
    </Page>
  </RequireSignIn>
);
