// The event page's data in two parts: events.get without the layout (small, seats left live) and
// the layout from GET /api/venues/:venueId/layout?version=N, which the API caches per version and
// the browser keeps for good (immutable), so a 12k-seat map downloads once per layout version.
import type { EventDetail, VenueLayout } from '@tessera/contracts/catalog';
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc.ts';

const fetchLayout = async (venueId: string, version: number): Promise<VenueLayout> => {
  const response = await fetch(`/api/venues/${venueId}/layout?version=${version}`);
  // 404: the layout was replaced since events.get answered; refetching both gets the new one.
  if (!response.ok) throw new Error('We could not load the seat map. Try again.');
  return (await response.json()) as VenueLayout;
};

export const useEventPage = (id: string, retry: (count: number, error: unknown) => boolean) => {
  const event = trpc.events.get.useQuery({ id, layout: 'omit' }, { retry });
  const ref = event.data && { venueId: event.data.venue.id, version: event.data.layout.version };
  const layout = useQuery({
    queryKey: ['venue-layout', ref?.venueId, ref?.version],
    queryFn: () => fetchLayout(ref!.venueId, ref!.version),
    enabled: Boolean(ref),
    staleTime: Infinity,
    retry: 1,
  });
  const common = {
    isRefetching: event.isRefetching || layout.isRefetching,
    refetch: () => Promise.all([event.refetch(), layout.refetch()]),
  };
  // A union on isPending / isError, so the page narrows `data` the way it does for one query.
  if (event.isError || layout.isError) {
    const error: unknown = event.error ?? layout.error;
    return { ...common, isPending: false as const, isError: true as const, error, data: undefined };
  }
  if (event.data && layout.data) {
    const data: EventDetail = { ...event.data, layout: layout.data };
    return { ...common, isPending: false as const, isError: false as const, error: null, data };
  }
  return {
    ...common,
    isPending: true as const,
    isError: false as const,
    error: null,
    data: undefined,
  };
};
