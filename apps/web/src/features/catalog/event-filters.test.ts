import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  eurosToCents,
  hasActiveFilters,
  localDayBoundary,
  parseFilters,
  serializeFilters,
  toListInput,
} from './event-filters.ts';

describe('parseFilters', () => {
  it('reads every filter from the query string', () => {
    const params = new URLSearchParams(
      'q=jazz&category=concert&city=Lyon&from=2026-12-01&to=2026-12-31&minPrice=10&maxPrice=49.5&available=1',
    );
    expect(parseFilters(params)).toEqual({
      q: 'jazz',
      category: 'CONCERT',
      city: 'Lyon',
      from: '2026-12-01',
      to: '2026-12-31',
      minPrice: '10',
      maxPrice: '49.5',
      available: true,
    });
  });

  it('drops malformed values instead of failing', () => {
    const params = new URLSearchParams(
      'category=opera&from=tomorrow&to=2026-13-45&minPrice=-3&maxPrice=abc&available=yes',
    );
    expect(parseFilters(params)).toEqual(EMPTY_FILTERS);
  });
});

describe('serializeFilters', () => {
  it('writes only the filters that are set', () => {
    const params = serializeFilters({ ...EMPTY_FILTERS, city: ' Porto ', available: true });
    expect(params.toString()).toBe('city=Porto&available=1');
  });

  it('round-trips through parseFilters', () => {
    const filters = {
      q: 'rock night',
      category: 'FESTIVAL' as const,
      city: 'Berlin',
      from: '2027-01-02',
      to: '2027-02-03',
      minPrice: '5',
      maxPrice: '120.25',
      available: true,
    };
    expect(parseFilters(serializeFilters(filters))).toEqual(filters);
  });

  it('knows when no filter is active', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, q: 'x' })).toBe(true);
  });
});

describe('toListInput', () => {
  it('converts euros to cents and days to local-day boundaries', () => {
    const input = toListInput({
      ...EMPTY_FILTERS,
      category: 'SPORTS',
      from: '2026-12-01',
      to: '2026-12-01',
      minPrice: '19.99',
      maxPrice: '20',
    });
    expect(input).toEqual({
      limit: 12,
      category: 'SPORTS',
      from: new Date(2026, 11, 1, 0, 0, 0, 0).toISOString(),
      to: new Date(2026, 11, 1, 23, 59, 59, 999).toISOString(),
      minPriceCents: 1999,
      maxPriceCents: 2000,
    });
  });

  it('ignores an end day before the start day', () => {
    const input = toListInput({ ...EMPTY_FILTERS, from: '2026-12-10', to: '2026-12-01' });
    expect(input.to).toBeUndefined();
    expect(input.from).toBe(new Date(2026, 11, 10).toISOString());
  });

  it('sends nothing for empty filters but the page size', () => {
    expect(toListInput(EMPTY_FILTERS)).toEqual({ limit: 12 });
  });
});

describe('eurosToCents and localDayBoundary', () => {
  it('reject malformed input', () => {
    expect(eurosToCents('1.234')).toBeUndefined();
    expect(eurosToCents('0.1')).toBe(10);
    expect(localDayBoundary('2026-02-30x', 'start')).toBeUndefined();
  });
});
