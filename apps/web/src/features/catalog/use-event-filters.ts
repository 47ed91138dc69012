// The current filters, read from and written to the URL query string.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  EMPTY_FILTERS,
  parseFilters,
  serializeFilters,
  type EventFilters,
} from './event-filters.ts';

export const useEventFilters = () => {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);

  /**
   * Typing replaces the history entry; discrete choices push one so Back undoes them. Filtering
   * keeps the scroll position (ScrollRestoration would otherwise jump to the top).
   */
  const update = useCallback(
    (patch: Partial<EventFilters>, { replace = false } = {}) => {
      // Start from the address bar, not the last render: the router renders navigations in a
      // transition, so a quick second change could otherwise drop the first one.
      const current = parseFilters(new URLSearchParams(window.location.search));
      setParams(serializeFilters({ ...current, ...patch }), { replace, preventScrollReset: true });
    },
    [setParams],
  );
  const clear = useCallback(
    () => setParams(serializeFilters(EMPTY_FILTERS), { preventScrollReset: true }),
    [setParams],
  );

  return { filters, update, clear };
};
