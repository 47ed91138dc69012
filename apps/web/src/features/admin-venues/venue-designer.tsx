// The venue layout designer: venue details and size, price tiers, sections with row generators, a
// live preview to select seats on, the layout's problems, and saving with progress and errors.
import type { GeneratedSeat, LayoutDocument } from '@tessera/contracts/layouts';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatCount } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import {
  assignTier,
  removeSeats,
  seatKeyOf,
  toggleAccessible,
  type SeatKey,
} from './designer-model.ts';
import { IssuesList } from './issues-list.tsx';
import { LayoutPreview } from './layout-preview.tsx';
import { NumberField } from './number-field.tsx';
import { SectionsPanel } from './sections-panel.tsx';
import { SelectionToolbar } from './selection-toolbar.tsx';
import { TiersPanel } from './tiers-panel.tsx';
import { useLayoutPreview } from './use-layout-preview.ts';

export interface DesignerInitial {
  venueId: string | null;
  layoutVersion: number;
  details: { name: string; city: string; address: string };
  document: LayoutDocument;
  locked: Set<SeatKey>;
}

export const VenueDesigner = ({ initial }: { initial: DesignerInitial }) => {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [doc, setDoc] = useState(initial.document);
  const [details, setDetails] = useState(initial.details);
  const [version, setVersion] = useState(initial.layoutVersion);
  const [current, setCurrent] = useState<string | null>(initial.document.sections[0]?.code ?? null);
  const [selected, setSelected] = useState<Set<SeatKey>>(new Set());
  const [saved, setSaved] = useState<string | null>(null);
  const preview = useLayoutPreview(doc);
  const create = trpc.admin.venues.create.useMutation();
  const save = trpc.admin.venues.saveLayout.useMutation();
  const saving = create.isPending || save.isPending;
  const saveError = create.error ?? save.error;

  const selectedSeats = useMemo(
    () => preview.seats.filter((s) => selected.has(seatKeyOf(s))),
    [preview.seats, selected],
  );
  const edit = (next: LayoutDocument) => {
    setDoc(next);
    setSaved(null);
  };
  const select = (seats: GeneratedSeat[], mode: 'replace' | 'add' = 'replace') =>
    setSelected((prev) => new Set([...(mode === 'add' ? prev : []), ...seats.map(seatKeyOf)]));
  const extend = (to: 'rows' | 'sections') => {
    const keys = new Set(
      selectedSeats.map((s) => (to === 'rows' ? `${s.section}|${s.row}` : s.section)),
    );
    select(
      preview.seats.filter((s) => keys.has(to === 'rows' ? `${s.section}|${s.row}` : s.section)),
    );
  };
  const detailsMissing = !details.name.trim() || !details.city.trim();

  const onSave = async () => {
    setSaved(null);
    if (initial.venueId === null) {
      const created = await create.mutateAsync({ details, document: doc }).catch(() => null);
      if (!created) return;
      await utils.admin.venues.list.invalidate();
      navigate(`/admin/venues/${created.id}`, {
        replace: true,
        state: { created: created.seatCount },
      });
      return;
    }
    const result = await save
      .mutateAsync({
        venueId: initial.venueId,
        expectedLayoutVersion: version,
        document: doc,
        details,
      })
      .catch(() => null);
    if (!result) return;
    setVersion(result.layoutVersion);
    // The designer stays mounted (keyed by venue): refetching the venue would not reset the edits.
    await utils.admin.venues.list.invalidate();
    setSaved(
      `Saved as version ${result.layoutVersion}: ${formatCount(result.seatCount)} seats (${result.added} added, ${result.dropped} removed, ${result.moved} moved).`,
    );
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,380px)_minmax(0,1fr)]">
      <div className="space-y-6" data-testid="designer-panels">
        <section aria-labelledby="venue-heading" className="space-y-3">
          <h2 id="venue-heading" className="text-sm font-bold text-slate-900">
            Venue
          </h2>
          <TextField
            label="Venue name"
            value={details.name}
            onChange={(e) => setDetails({ ...details, name: e.target.value })}
            error={details.name.trim() ? undefined : 'Give the venue a name.'}
          />
          <div className="grid grid-cols-2 gap-2">
            <TextField
              label="City"
              value={details.city}
              onChange={(e) => setDetails({ ...details, city: e.target.value })}
              error={details.city.trim() ? undefined : 'Give the city.'}
            />
            <TextField
              label="Address"
              value={details.address}
              onChange={(e) => setDetails({ ...details, address: e.target.value })}
            />
          </div>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
            <NumberField
              label="Width"
              min={10}
              value={doc.width}
              onChange={(width) => edit({ ...doc, width })}
            />
            <NumberField
              label="Height"
              min={10}
              value={doc.height}
              onChange={(height) => edit({ ...doc, height })}
            />
            <NumberField
              label="Stage x"
              value={doc.stage.x}
              onChange={(x) => edit({ ...doc, stage: { ...doc.stage, x } })}
            />
            <NumberField
              label="Stage y"
              value={doc.stage.y}
              onChange={(y) => edit({ ...doc, stage: { ...doc.stage, y } })}
            />
            <NumberField
              label="Min spacing"
              step={0.1}
              min={0.1}
              value={doc.minSeatSpacing}
              onChange={(minSeatSpacing) => edit({ ...doc, minSeatSpacing })}
            />
          </div>
        </section>
        <TiersPanel doc={doc} onChange={edit} />
        <SectionsPanel
          doc={doc}
          seats={preview.seats}
          current={current}
          onCurrent={setCurrent}
          onChange={edit}
          onSelect={(seats) => select(seats)}
        />
      </div>
      <div className="order-first min-w-0 space-y-3 lg:sticky lg:top-4 lg:order-none lg:self-start">
        <div className="flex flex-wrap items-center gap-3">
          <p
            className="mr-auto text-sm text-slate-700"
            data-testid="preview-count"
            aria-live="polite"
          >
            {preview.pending
              ? 'Updating preview…'
              : `${formatCount(preview.seats.length)} seats in ${doc.sections.length} section(s)`}
          </p>
          <Button
            onClick={() => void onSave()}
            pending={saving}
            disabled={saving || !preview.ok || preview.pending || detailsMissing}
          >
            {initial.venueId === null ? 'Create venue' : 'Save layout'}
          </Button>
        </div>
        {saveError && (
          <p
            role="alert"
            className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
            data-testid="save-error"
          >
            {describeError(saveError)}
          </p>
        )}
        {saved && (
          <p
            role="status"
            className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
            data-testid="save-success"
          >
            {saved}
          </p>
        )}
        {preview.inputError && (
          <p
            role="alert"
            className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
          >
            Fix these fields: {preview.inputError}
          </p>
        )}
        <IssuesList issues={preview.issues} />
        <SelectionToolbar
          doc={doc}
          selected={selectedSeats}
          onAssignTier={(tierCode) => edit(assignTier(doc, preview.seats, selectedSeats, tierCode))}
          onRemove={() => {
            edit(removeSeats(doc, selectedSeats));
            setSelected(new Set());
          }}
          onAccessible={() => edit(toggleAccessible(doc, selectedSeats))}
          onExtend={extend}
          onClear={() => setSelected(new Set())}
        />
        <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white p-2">
          <LayoutPreview
            doc={doc}
            seats={preview.seats}
            selected={selected}
            locked={initial.locked}
            onSelect={select}
          />
        </div>
        <p className="text-xs text-slate-600">
          Click a seat to select it, shift-click to add, drag a box over several. Ringed seats are
          selected; dashed amber rings are sold or held for an event and cannot be removed or moved;
          white dots are accessible seats.
        </p>
      </div>
    </div>
  );
};
