// The admin's venues: size, sections, events and layout version; each opens in the designer.
import { Link } from 'react-router-dom';
import { buttonClasses } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatCount } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';

export const VenuesList = () => {
  const query = trpc.admin.venues.list.useQuery(undefined, { staleTime: 0 });
  if (query.isPending)
    return (
      <div role="status" aria-label="Loading venues" className="space-y-3">
        <Skeleton className="h-16 rounded-xl" />
        <Skeleton className="h-16 rounded-xl" />
      </div>
    );
  if (query.isError)
    return <ErrorState message={describeError(query.error)} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0)
    return (
      <EmptyState
        title="No venues yet"
        action={
          <Link to="/admin/venues/new" className={buttonClasses('primary')}>
            Design a venue
          </Link>
        }
      >
        Design a venue's seating before creating events there.
      </EmptyState>
    );
  return (
    <ul className="space-y-2">
      {query.data.map((venue) => (
        <li key={venue.id}>
          <Link
            to={`/admin/venues/${venue.id}`}
            data-testid="admin-venue-row"
            className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300"
          >
            <div className="min-w-0 flex-1 basis-60">
              <p className="truncate font-semibold text-slate-900">{venue.name}</p>
              <p className="text-sm text-slate-600">
                {venue.city}
                {venue.address && ` · ${venue.address}`}
              </p>
            </div>
            <p className="text-sm text-slate-700">
              {formatCount(venue.seatCount)} seats · {venue.sectionCount} sections ·{' '}
              {venue.eventCount} events
            </p>
            <span
              className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${venue.editable ? 'bg-indigo-50 text-indigo-800' : 'bg-slate-100 text-slate-700'}`}
            >
              {venue.editable ? `Layout v${venue.layoutVersion}` : 'Seeded · view only'}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
};
