// The event list's filters, kept in the URL query string so refresh, back and sharing keep them.
import {
  EVENT_CATEGORIES,
  type EventCategory,
  type ListEventsRequest,
} from '@tessera/contracts/catalog';

export interface EventFilters {
  q: string;
  category: EventCategory | null;
  city: string;
  /** Calendar days as YYYY-MM-DD, interpreted in the user's time zone. */
  from: string;
  to: string;
  /** Whole or decimal euros as typed, e.g. "25" or "19.50". */
  minPrice: string;
  maxPrice: string;
  available: boolean;
}

export const EMPTY_FILTERS: EventFilters = {
  q: '',
  category: null,
  city: '',
  from: '',
  to: '',
  minPrice: '',
  maxPrice: '',
  available: false,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PRICE = /^\d{1,6}(\.\d{1,2})?$/;

const parseCategory = (raw: string | null): EventCategory | null => {
  const upper = raw?.toUpperCase();
  return EVENT_CATEGORIES.find((c) => c === upper) ?? null;
};

const isValidDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(value));

/** Reads filters from a query string, dropping values that are malformed rather than failing. */
export const parseFilters = (params: URLSearchParams): EventFilters => {
  const text = (key: string) => params.get(key)?.trim() ?? '';
  const day = (key: string) => (isValidDay(text(key)) ? text(key) : '');
  const price = (key: string) => (PRICE.test(text(key)) ? text(key) : '');
  return {
    q: text('q').slice(0, 100),
    category: parseCategory(params.get('category')),
    city: text('city').slice(0, 100),
    from: day('from'),
    to: day('to'),
    minPrice: price('minPrice'),
    maxPrice: price('maxPrice'),
    available: params.get('available') === '1',
  };
};

/** Writes only the filters that are set, in a stable order, so URLs stay short and shareable. */
export const serializeFilters = (filters: EventFilters): URLSearchParams => {
  const params = new URLSearchParams();
  const put = (key: string, value: string) => {
    if (value.trim() !== '') params.set(key, value.trim());
  };
  put('q', filters.q);
  put('category', filters.category?.toLowerCase() ?? '');
  put('city', filters.city);
  put('from', filters.from);
  put('to', filters.to);
  put('minPrice', filters.minPrice);
  put('maxPrice', filters.maxPrice);
  if (filters.available) params.set('available', '1');
  return params;
};

export const hasActiveFilters = (filters: EventFilters) =>
  serializeFilters(filters).toString() !== '';

export const eurosToCents = (euros: string): number | undefined =>
  PRICE.test(euros) ? Math.round(Number(euros) * 100) : undefined;

/** Start of a local calendar day (or its last millisecond) as an ISO instant. */
export const localDayBoundary = (day: string, edge: 'start' | 'end'): string | undefined => {
  if (!isValidDay(day)) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const boundary =
    edge === 'start'
      ? new Date(year, month - 1, date, 0, 0, 0, 0)
      : new Date(year, month - 1, date, 23, 59, 59, 999);
  return boundary.toISOString();
};

/** The events.list input for these filters (without cursor: the infinite query adds it). */
export const toListInput = (filters: EventFilters): Omit<ListEventsRequest, 'cursor'> => {
  const input: Omit<ListEventsRequest, 'cursor'> = { limit: 12 };
  if (filters.q.trim()) input.q = filters.q.trim();
  if (filters.category) input.category = filters.category;
  if (filters.city.trim()) input.city = filters.city.trim();
  const from = localDayBoundary(filters.from, 'start');
  // An end before the start is flagged beside the field; until fixed, the list ignores it.
  const to =
    filters.from && filters.to < filters.from ? undefined : localDayBoundary(filters.to, 'end');
  if (from) input.from = from;
  if (to) input.to = to;
  const minPriceCents = eurosToCents(filters.minPrice);
  const maxPriceCents = eurosToCents(filters.maxPrice);
  if (minPriceCents !== undefined) input.minPriceCents = minPriceCents;
  if (maxPriceCents !== undefined) input.maxPriceCents = maxPriceCents;
  if (filters.available) input.hasSeatsLeft = true;
  return input;
};
