// Order search for support: by email, order id or event (from the URL, so results can be
// linked), newest first, a page at a time.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatEventDate, formatPrice } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { OrderStatusBadge } from '../orders/order-status-badge.tsx';

export const OrdersSearch = () => {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const eventId = params.get('eventId') ?? '';
  const [text, setText] = useState(q);
  const query = trpc.admin.orders.list.useInfiniteQuery(
    { q: q || undefined, eventId: eventId || undefined, limit: 20 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <form
        role="search"
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams(params);
          if (text.trim()) next.set('q', text.trim());
          else next.delete('q');
          setParams(next, { replace: true });
        }}
      >
        <label htmlFor="order-search" className="sr-only">
          Search orders
        </label>
        <input
          id="order-search"
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          placeholder="Email or order id"
          className={`${inputClasses(false)} min-w-0 flex-1`}
        />
        <Button type="submit">Search</Button>
      </form>
      {eventId && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          Showing one event&apos;s orders.
          <button
            type="button"
            className="font-semibold text-indigo-700 underline"
            onClick={() => {
              const next = new URLSearchParams(params);
              next.delete('eventId');
              setParams(next, { replace: true });
            }}
          >
            Show all events
          </button>
        </p>
      )}
      {query.isPending ? (
        <div role="status" aria-label="Loading orders" className="space-y-2">
          <Skeleton className="h-16 rounded-xl" />
          <Skeleton className="h-16 rounded-xl" />
        </div>
      ) : query.isError ? (
        <ErrorState
          title="We could not search the orders"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
          retrying={query.isRefetching}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No orders found">
          Search by the fan&apos;s email (or part of it) or paste a whole order id.
        </EmptyState>
      ) : (
        <>
          <ul className="space-y-2" aria-label="Orders">
            {items.map((order) => (
              <li key={order.id}>
                <Link
                  to={`/admin/orders/${order.id}`}
                  data-testid="admin-order-row"
                  className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300"
                >
                  <div className="min-w-0 flex-1 basis-60">
                    <p className="truncate font-semibold text-slate-900">{order.user.email}</p>
                    <p className="truncate text-sm text-slate-600">
                      {order.event.title} · {formatEventDate(order.createdAt)}
                    </p>
                  </div>
                  <p className="text-sm text-slate-700">
                    {order.ticketCount} {order.ticketCount === 1 ? 'ticket' : 'tickets'} ·{' '}
                    {formatPrice(order.totalCents, order.currency)}
                  </p>
                  <OrderStatusBadge status={order.status} />
                </Link>
              </li>
            ))}
          </ul>
          {query.hasNextPage && (
            <div className="text-center">
              <Button
                variant="secondary"
                onClick={() => void query.fetchNextPage()}
                pending={query.isFetchingNextPage}
              >
                Show more
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
};
