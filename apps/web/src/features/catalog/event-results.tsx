// The result grid for the current filters: skeletons, empty and error states, "Load more".
import { keepPreviousData } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { describeError } from '../../lib/app-error.ts';
import { trpc } from '../../lib/trpc.ts';
import { useLiveAvailability } from '../seat-map/use-live-availability.ts';
import { EventCard } from './event-card.tsx';
import { hasActiveFilters, toListInput, type EventFilters } from './event-filters.ts';

const GRID = 'grid gap-5 sm:grid-cols-2 lg:grid-cols-3';

const CardSkeletons = () => (
  <ul className={GRID} aria-hidden="true">
    {Array.from({ length: 6 }, (_, i) => (
      <li key={i} className="overflow-hidden rounded-2xl border border-slate-200 bg-white">
        <Skeleton className="h-28 rounded-none" />
        <div className="space-y-2 p-4">
          <Skeleton className="h-5 w-3/4" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="mt-4 h-5 w-1/3" />
        </div>
      </li>
    ))}
  </ul>
);

export const EventResults = ({
  filters,
  onClear,
}: {
  filters: EventFilters;
  onClear: () => void;
}) => {
  const query = trpc.events.list.useInfiniteQuery(toListInput(filters), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];
  const live = useLiveAvailability(events.map((event) => event.id));
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading events">
        <CardSkeletons />
      </div>
    );
  }
  if (query.isError) {
    return (
      <ErrorState
        title="We could not load events"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }
  if (events.length === 0) {
    return (
      <EmptyState
        title={filters.q ? `No events match “${filters.q}”` : 'No events match these filters'}
        action={
          hasActiveFilters(filters) && (
            <Button variant="secondary" onClick={onClear}>
              Clear filters
            </Button>
          )
        }
      >
        Try a different search, widen the dates or price range, or look in another city.
      </EmptyState>
    );
  }
  const updating = query.isPlaceholderData;
  return (
    <div
      aria-busy={updating}
      data-testid="event-results"
      className={updating ? 'opacity-60 transition-opacity' : 'transition-opacity'}
    >
      <p className="mb-4 text-sm text-slate-600" aria-live="polite">
        Showing {events.length} {events.length === 1 ? 'event' : 'events'}
        {query.hasNextPage ? ' so far' : ''}
      </p>
      <ul className={GRID}>
        {events.map((event) => (
          <EventCard key={event.id} event={event} live={live.get(event.id)} />
        ))}
      </ul>
      {query.hasNextPage && (
        <div className="mt-8 flex justify-center">
          <Button
            variant="secondary"
            onClick={() => void query.fetchNextPage()}
            pending={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more events'}
          </Button>
        </div>
      )}
    </div>
  );
};
