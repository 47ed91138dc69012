// Opens a venue in the designer (or, for venues seeded before the designer, as a read-only map).
import type { AppRouter } from '@tessera/api/router';
import type { LayoutDocument } from '@tessera/contracts/layouts';
import type { inferRouterOutputs } from '@trpc/server';
import { useLocation } from 'react-router-dom';
import { ErrorState } from '../../components/error-state.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatCount } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import { seatKeyOf } from './designer-model.ts';
import { LayoutPreview } from './layout-preview.tsx';
import { VenueDesigner } from './venue-designer.tsx';

type VenueData = inferRouterOutputs<AppRouter>['admin']['venues']['get'];

const ReadOnlyVenue = ({ data }: { data: VenueData }) => {
  const doc: LayoutDocument = {
    schemaVersion: 1,
    width: data.bounds.width,
    height: data.bounds.height,
    stage: data.bounds.stage,
    minSeatSpacing: 0.9,
    tiers: data.tiers,
    sections: [...new Set(data.seats.map((s) => s.section))].map((code) => ({
      code,
      name: code,
      tierCode: data.tiers[0]?.code ?? '',
      blocks: [],
      rowOverrides: [],
      seatOverrides: [],
    })),
  };
  return (
    <div className="space-y-3">
      <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800">
        {data.venue.name} was loaded by the demo seed, not drawn in the designer, so its{' '}
        {formatCount(data.seats.length)} seats can be viewed here but not edited.
      </p>
      <div className="rounded-2xl border border-slate-200 bg-white p-2">
        <LayoutPreview
          doc={doc}
          seats={data.seats}
          selected={new Set()}
          locked={new Set()}
          readOnly
          onSelect={() => {}}
        />
      </div>
    </div>
  );
};

export const VenueLayoutLoader = ({ venueId }: { venueId: string }) => {
  const location = useLocation();
  const query = trpc.admin.venues.get.useQuery(
    { venueId },
    { staleTime: 0, refetchOnWindowFocus: false },
  );
  if (query.isPending)
    return (
      <div role="status" aria-label="Loading the venue">
        <Skeleton className="h-96 rounded-2xl" />
      </div>
    );
  if (query.isError)
    return <ErrorState message={describeError(query.error)} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data.document) return <ReadOnlyVenue data={data} />;
  const lockedIds = new Set(data.lockedSeatIds);
  const created = (location.state as { created?: number } | null)?.created;
  return (
    <div className="space-y-3">
      {created !== undefined && (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
          data-testid="save-success"
        >
          Venue created with {formatCount(created)} seats.
        </p>
      )}
      {data.venue.eventCount > 0 && (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {data.venue.eventCount} event(s) use this venue. Seats sold or held for them keep their
          place; a save that would drop or move one is refused.
        </p>
      )}
      <VenueDesigner
        key={data.venue.id}
        initial={{
          venueId: data.venue.id,
          layoutVersion: data.venue.layoutVersion,
          details: { name: data.venue.name, city: data.venue.city, address: data.venue.address },
          document: data.document,
          locked: new Set(data.seats.filter((s) => lockedIds.has(s.id)).map(seatKeyOf)),
        }}
      />
    </div>
  );
};
