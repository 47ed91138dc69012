// Sections of the venue: pick one to edit its code, name, tier and row blocks; add straight or
// curved sections; select a whole section or row for tier, removal and accessibility edits.
import type { GeneratedSeat, LayoutDocument, SectionSpec } from '@tessera/contracts/layouts';
import { BlockForm } from './block-form.tsx';
import {
  curvedBlock,
  newSection,
  removedCount,
  restoreRemoved,
  straightBlock,
} from './designer-model.ts';
import { SelectField } from './number-field.tsx';

interface SectionsPanelProps {
  doc: LayoutDocument;
  seats: GeneratedSeat[];
  current: string | null;
  onCurrent: (code: string | null) => void;
  onChange: (doc: LayoutDocument) => void;
  onSelect: (seats: GeneratedSeat[]) => void;
}

const chip = (active: boolean) =>
  `rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${active ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`;

export const SectionsPanel = ({
  doc,
  seats,
  current,
  onCurrent,
  onChange,
  onSelect,
}: SectionsPanelProps) => {
  const index = doc.sections.findIndex((s) => s.code === current);
  const section = index >= 0 ? doc.sections[index]! : undefined;
  const setSection = (next: SectionSpec) => {
    onChange({ ...doc, sections: doc.sections.map((s, i) => (i === index ? next : s)) });
    if (next.code !== section?.code) onCurrent(next.code);
  };
  const add = (kind: 'straight' | 'curved') => {
    const created = newSection(doc, kind);
    onChange({ ...doc, sections: [...doc.sections, created] });
    onCurrent(created.code);
  };
  const sectionSeats = seats.filter((s) => s.section === section?.code);
  const rows = [...new Set(sectionSeats.map((s) => s.row))];
  return (
    <section aria-labelledby="sections-heading" className="space-y-3">
      <h2 id="sections-heading" className="text-sm font-bold text-slate-900">
        Sections
      </h2>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Section to edit">
        {doc.sections.map((s) => (
          <button
            key={s.code}
            type="button"
            aria-pressed={s.code === current}
            className={chip(s.code === current)}
            onClick={() => onCurrent(s.code)}
          >
            {s.code} · {s.name}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap gap-3 text-sm font-semibold text-indigo-700">
        <button type="button" onClick={() => add('straight')} className="hover:underline">
          + Straight section
        </button>
        <button type="button" onClick={() => add('curved')} className="hover:underline">
          + Curved section
        </button>
      </div>
      {section && (
        <div
          className="space-y-3 rounded-xl border border-slate-200 p-3"
          data-testid="section-editor"
        >
          <div className="grid grid-cols-[6rem_1fr_1fr] gap-2">
            <label className="block text-xs font-medium text-slate-700">
              Section code
              <input
                value={section.code}
                onChange={(e) => setSection({ ...section, code: e.target.value.toUpperCase() })}
                className="mt-0.5 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              />
            </label>
            <label className="block min-w-0 text-xs font-medium text-slate-700">
              Section name
              <input
                value={section.name}
                onChange={(e) => setSection({ ...section, name: e.target.value })}
                className="mt-0.5 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              />
            </label>
            <SelectField
              label="Section tier"
              value={section.tierCode}
              options={doc.tiers.map((t) => ({ value: t.code, label: `${t.code} · ${t.name}` }))}
              onChange={(tierCode) => setSection({ ...section, tierCode })}
            />
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <button
              type="button"
              className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium hover:bg-slate-50"
              onClick={() => onSelect(sectionSeats)}
            >
              Select whole section
            </button>
            {rows.length > 0 && (
              <label className="flex items-center gap-1 text-slate-700">
                Select row
                <select
                  value=""
                  onChange={(e) => onSelect(sectionSeats.filter((s) => s.row === e.target.value))}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                >
                  <option value="">—</option>
                  {rows.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {removedCount(section) > 0 && (
              <button
                type="button"
                className="font-semibold text-indigo-700 hover:underline"
                onClick={() => onChange(restoreRemoved(doc, section.code))}
              >
                Restore {removedCount(section)} removed seat(s)
              </button>
            )}
          </div>
          {section.blocks.map((block, i) => (
            <BlockForm
              key={block.id}
              doc={doc}
              block={block}
              index={i}
              onChange={(next) =>
                setSection({
                  ...section,
                  blocks: section.blocks.map((b) => (b.id === block.id ? next : b)),
                })
              }
              onRemove={() =>
                setSection({ ...section, blocks: section.blocks.filter((b) => b.id !== block.id) })
              }
            />
          ))}
          <div className="flex flex-wrap gap-3 text-sm font-semibold">
            <button
              type="button"
              className="text-indigo-700 hover:underline"
              onClick={() =>
                setSection({
                  ...section,
                  blocks: [...section.blocks, straightBlock(doc, doc.stage.y + 10)],
                })
              }
            >
              + Straight rows
            </button>
            <button
              type="button"
              className="text-indigo-700 hover:underline"
              onClick={() =>
                setSection({ ...section, blocks: [...section.blocks, curvedBlock(doc, 20)] })
              }
            >
              + Curved rows
            </button>
            <button
              type="button"
              className="ml-auto text-red-700 hover:underline"
              onClick={() => {
                onChange({ ...doc, sections: doc.sections.filter((_, i) => i !== index) });
                onCurrent(doc.sections[index === 0 ? 1 : 0]?.code ?? null);
              }}
            >
              Delete section
            </button>
          </div>
        </div>
      )}
    </section>
  );
};
