// Category, city, dates, price range and availability filters; collapsible on phones.
import { EVENT_CATEGORIES, type EventCategory } from '@tessera/contracts/catalog';
import { useId, useState } from 'react';
import { Button } from '../../components/button.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { CATEGORY_STYLE } from './category-style.ts';
import { DateField } from './date-field.tsx';
import { DraftField } from './draft-field.tsx';
import { eurosToCents, hasActiveFilters, type EventFilters } from './event-filters.ts';

interface FiltersPanelProps {
  filters: EventFilters;
  update: (patch: Partial<EventFilters>, options?: { replace?: boolean }) => void;
  clear: () => void;
}

const validatePrice = (draft: string) =>
  draft === '' || eurosToCents(draft) !== undefined
    ? undefined
    : 'Enter an amount like 25 or 19.50.';

export const FiltersPanel = ({ filters, update, clear }: FiltersPanelProps) => {
  const [open, setOpen] = useState(false);
  const id = useId();
  const active = hasActiveFilters(filters);
  const datesReversed = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const typed = (patch: Partial<EventFilters>) => update(patch, { replace: true });
  return (
    <section
      aria-label="Filters"
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex items-center justify-between gap-3 md:hidden">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide filters' : 'Show filters'}
          {active && (
            <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white">on</span>
          )}
        </Button>
        {active && (
          <Button variant="ghost" onClick={clear}>
            Clear filters
          </Button>
        )}
      </div>
      <div
        id={`${id}-panel`}
        className={`${open ? 'mt-4 grid' : 'hidden'} grid-cols-2 gap-4 md:mt-0 md:grid lg:grid-cols-4`}
      >
        <div>
          <label
            htmlFor={`${id}-category`}
            className="mb-1.5 block text-sm font-medium text-slate-800"
          >
            Category
          </label>
          <select
            id={`${id}-category`}
            value={filters.category ?? ''}
            onChange={(e) => update({ category: (e.target.value || null) as EventCategory | null })}
            className={inputClasses(false)}
          >
            <option value="">All categories</option>
            {EVENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_STYLE[c].label}
              </option>
            ))}
          </select>
        </div>
        <DraftField
          label="City"
          value={filters.city}
          onCommit={(city) => typed({ city })}
          placeholder="Any city"
          autoComplete="address-level2"
        />
        <DateField label="From" value={filters.from} onChange={(from) => update({ from })} />
        <DateField
          label="To"
          value={filters.to}
          min={filters.from}
          onChange={(to) => update({ to })}
          error={datesReversed ? 'Pick a day on or after the start date.' : undefined}
        />
        <DraftField
          label="Min price (€)"
          value={filters.minPrice}
          onCommit={(minPrice) => typed({ minPrice })}
          validate={validatePrice}
          inputMode="decimal"
          placeholder="0"
        />
        <DraftField
          label="Max price (€)"
          value={filters.maxPrice}
          onCommit={(maxPrice) => typed({ maxPrice })}
          validate={validatePrice}
          inputMode="decimal"
          placeholder="Any"
        />
        <label className="col-span-2 flex cursor-pointer items-center gap-3 self-end rounded-lg border border-slate-200 px-3 py-2.5 text-sm font-medium text-slate-800 hover:bg-slate-50 lg:col-span-1">
          <input
            type="checkbox"
            checked={filters.available}
            onChange={(e) => update({ available: e.target.checked })}
            className="h-4 w-4 accent-indigo-600"
          />
          Has seats left
        </label>
        <div className="col-span-2 hidden items-end justify-end md:flex lg:col-span-1">
          <Button variant="ghost" onClick={clear} disabled={!active}>
            Clear filters
          </Button>
        </div>
      </div>
    </section>
  );
};
