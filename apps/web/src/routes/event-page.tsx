// /events/:id: the event detail page with its loading, not-found and error states.
import { Link, useLocation, useParams } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { Page } from '../components/page.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { readBackTo } from '../features/catalog/back-state.ts';
import { EventDetail } from '../features/catalog/event-detail.tsx';
import { useEventPage } from '../features/catalog/use-event-page.ts';
import { describeError, readAppError } from '../lib/app-error.ts';

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'VALIDATION']);

const DetailSkeleton = () => (
  <div role="status" aria-label="Loading event" className="space-y-6">
    <Skeleton className="h-48 rounded-2xl" />
    <div className="grid gap-6 lg:grid-cols-3">
      <Skeleton className="h-96 rounded-2xl lg:col-span-2" />
      <Skeleton className="h-64 rounded-2xl" />
    </div>
  </div>
);

export const EventPage = () => {
  const { id = '' } = useParams();
  const query = useEventPage(
    id,
    (count, error) => !NOT_FOUND_CODES.has(readAppError(error)?.code ?? '') && count < 2,
  );
  const backTo = readBackTo(useLocation().state);
  const back = (
    <Link
      to={backTo}
      className="mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-indigo-700 hover:underline"
    >
      <span aria-hidden="true">←</span> {backTo === '/events' ? 'All events' : 'Back to results'}
    </Link>
  );
  if (query.isPending)
    return (
      <Page title="Loading event">
        {back}
        <DetailSkeleton />
      </Page>
    );
  if (query.isError) {
    if (NOT_FOUND_CODES.has(readAppError(query.error)?.code ?? '')) {
      return (
        <Page title="Event not found">
          {back}
          <EmptyState
            title="We could not find this event"
            action={
              <Link to="/events" className={buttonClasses('primary')}>
                Browse events
              </Link>
            }
          >
            It may have been removed, or the link is mistyped.
          </EmptyState>
        </Page>
      );
    }
    return (
      <Page title="Event">
        {back}
        <ErrorState
          title="We could not load this event"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
          retrying={query.isRefetching}
        />
      </Page>
    );
  }
  return (
    <Page title={query.data.title}>
      {back}
      <EventDetail event={query.data} />
    </Page>
  );
};
