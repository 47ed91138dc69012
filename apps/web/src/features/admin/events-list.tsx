// The admin's events: every status (filterable), searchable, a page at a time.
import type { EventSummary } from '@tessera/contracts/catalog';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, buttonClasses } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatCount, formatEventDate } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { EventStatusBadge } from './event-status-badge.tsx';

const STATUSES = [
  { value: '', label: 'All' },
  { value: 'DRAFT', label: 'Drafts' },
  { value: 'PUBLISHED', label: 'Published' },
  { value: 'CANCELLED', label: 'Cancelled' },
] as const;

type StatusFilter = (typeof STATUSES)[number]['value'];

const EventRow = ({ event }: { event: EventSummary }) => (
  <li>
    <Link
      to={`/admin/events/${event.id}`}
      data-testid="admin-event-row"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300"
    >
      <div className="min-w-0 flex-1 basis-64">
        <p className="truncate font-semibold text-slate-900">{event.title}</p>
        <p className="text-sm text-slate-600">
          <time dateTime={event.startsAt}>{formatEventDate(event.startsAt)}</time> ·{' '}
          {event.venue.name}, {event.city}
        </p>
      </div>
      <p className="text-sm text-slate-700">
        {formatCount(event.capacity - event.seatsLeft)} / {formatCount(event.capacity)} sold
      </p>
      <EventStatusBadge status={event.status} />
    </Link>
  </li>
);

export const EventsList = () => {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as StatusFilter;
  const [q, setQ] = useState(params.get('q') ?? '');
  const query = trpc.admin.events.list.useInfiniteQuery(
    { status: status || undefined, q: params.get('q') || undefined, limit: 25 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
  );
  const setFilter = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div role="group" aria-label="Status" className="flex flex-wrap gap-1">
          {STATUSES.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={status === option.value}
              onClick={() => setFilter('status', option.value)}
              className={`rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${
                status === option.value
                  ? 'bg-slate-900 text-white ring-slate-900'
                  : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
              }`}
            >
              {option.label}
            </button>
          ))}
        </div>
        <form
          role="search"
          className="ml-auto flex w-full gap-2 sm:w-auto"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter('q', q.trim());
          }}
        >
          <label htmlFor="admin-event-search" className="sr-only">
            Search events
          </label>
          <input
            id="admin-event-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Title, venue or city"
            maxLength={100}
            className={`${inputClasses(false)} sm:w-64`}
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </div>
      {query.isPending ? (
        <div role="status" aria-label="Loading events" className="space-y-3">
          <Skeleton className="h-20 rounded-xl" />
          <Skeleton className="h-20 rounded-xl" />
          <Skeleton className="h-20 rounded-xl" />
        </div>
      ) : query.isError ? (
        <ErrorState
          title="We could not load the events"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
          retrying={query.isRefetching}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title="No events match"
          action={
            <Link to="/admin/events/new" className={buttonClasses('primary')}>
              Create an event
            </Link>
          }
        >
          Try another status or search, or create a new event.
        </EmptyState>
      ) : (
        <>
          <ul className="space-y-2" aria-label="Events">
            {items.map((event) => (
              <EventRow key={event.id} event={event} />
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
