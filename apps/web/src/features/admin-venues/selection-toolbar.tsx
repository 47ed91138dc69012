// What can be done with the selected seats: give them a tier, remove them, flag them accessible,
// grow the selection to whole rows or sections, or clear it.
import type { GeneratedSeat, LayoutDocument } from '@tessera/contracts/layouts';
import { useState } from 'react';

interface SelectionToolbarProps {
  doc: LayoutDocument;
  selected: GeneratedSeat[];
  onAssignTier: (tierCode: string) => void;
  onRemove: () => void;
  onAccessible: () => void;
  onExtend: (to: 'rows' | 'sections') => void;
  onClear: () => void;
}

const action =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50';

export const SelectionToolbar = ({
  doc,
  selected,
  onAssignTier,
  onRemove,
  onAccessible,
  onExtend,
  onClear,
}: SelectionToolbarProps) => {
  const [tier, setTier] = useState(doc.tiers[0]?.code ?? '');
  const none = selected.length === 0;
  const first = selected[0];
  const summary = none
    ? 'No seats selected: click a seat, drag a box over several, or pick a section or row.'
    : selected.length === 1 && first
      ? `${first.section} row ${first.row} seat ${first.label} selected`
      : `${selected.length} seats selected`;
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white p-2"
      role="toolbar"
      aria-label="Selected seats"
    >
      <p
        className="mr-auto text-sm text-slate-700"
        aria-live="polite"
        data-testid="selection-summary"
      >
        {summary}
      </p>
      <label className="flex items-center gap-1 text-sm text-slate-700">
        Tier
        <select
          value={tier}
          onChange={(e) => setTier(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {doc.tiers.map((t) => (
            <option key={t.code} value={t.code}>
              {t.code} · {t.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={action}
        disabled={none || !tier}
        onClick={() => onAssignTier(tier)}
      >
        Assign tier
      </button>
      <button type="button" className={action} disabled={none} onClick={onAccessible}>
        Toggle accessible
      </button>
      <button type="button" className={action} disabled={none} onClick={onRemove}>
        Remove seats
      </button>
      <button type="button" className={action} disabled={none} onClick={() => onExtend('rows')}>
        Whole rows
      </button>
      <button type="button" className={action} disabled={none} onClick={() => onExtend('sections')}>
        Whole sections
      </button>
      <button type="button" className={action} disabled={none} onClick={onClear}>
        Clear
      </button>
    </div>
  );
};
