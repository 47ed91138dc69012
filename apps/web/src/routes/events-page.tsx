// /events: search, filters kept in the URL, and the matching events.
import { Page } from '../components/page.tsx';
import { EventResults } from '../features/catalog/event-results.tsx';
import { FiltersPanel } from '../features/catalog/filters-panel.tsx';
import { SearchBox } from '../features/catalog/search-box.tsx';
import { useEventFilters } from '../features/catalog/use-event-filters.ts';

export const EventsPage = () => {
  const { filters, update, clear } = useEventFilters();
  return (
    <Page
      title="Events"
      heading="Find your next event"
      description="Concerts, sport, theatre and more — search and filter, then pick your seats."
    >
      <div className="space-y-4">
        <SearchBox value={filters.q} onCommit={(q) => update({ q }, { replace: true })} />
        <FiltersPanel filters={filters} update={update} clear={clear} />
      </div>
      <div className="mt-8">
        <EventResults filters={filters} onClear={clear} />
      </div>
    </Page>
  );
};
