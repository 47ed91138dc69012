// The row generator of one block: straight (origin, angle, seat spacing) or curved (centre, radius,
// arc by its ends or by its width), rows, seats per row, labels, numbering, aisles and tier.
import type { LayoutDocument, RowBlock, RowGeometry } from '@tessera/contracts/layouts';
import { useEffect, useState } from 'react';
import { NumberField, SelectField } from './number-field.tsx';

interface BlockFormProps {
  doc: LayoutDocument;
  block: RowBlock;
  index: number;
  onChange: (block: RowBlock) => void;
  onRemove: () => void;
}

const NUMBERING = [
  { value: 'left-to-right', label: 'Ascending from the row start' },
  { value: 'right-to-left', label: 'Descending from the row start' },
  { value: 'odd-even', label: 'Odd / even (odds at the start half)' },
] as const;

const switchKind = (doc: LayoutDocument, g: RowGeometry, kind: RowGeometry['kind']): RowGeometry =>
  kind === 'straight'
    ? {
        kind,
        origin: g.kind === 'curved' ? { x: g.center.x - 10, y: g.center.y + g.radius } : g.origin,
        angle: 0,
        seatSpacing: 1,
      }
    : {
        kind,
        center: { ...doc.stage },
        radius: 15,
        arc: { by: 'span', middleAngle: 90, degrees: 60 },
      };

const GapsField = ({
  value,
  onChange,
}: {
  value: number[];
  onChange: (gaps: number[]) => void;
}) => {
  const [text, setText] = useState(value.join(', '));
  useEffect(
    () => setText((t) => (parseGaps(t)?.join(',') === value.join(',') ? t : value.join(', '))),
    [value],
  );
  const parsed = parseGaps(text);
  return (
    <div className="col-span-2 min-w-0">
      <label className="block text-xs font-medium text-slate-700">
        Aisle after seat slots (e.g. 5, 10)
        <input
          value={text}
          aria-invalid={parsed === null || undefined}
          onChange={(e) => {
            setText(e.target.value);
            const gaps = parseGaps(e.target.value);
            if (gaps) onChange(gaps);
          }}
          className={`mt-0.5 block w-full rounded-md border bg-white px-2 py-1.5 text-sm shadow-sm ${parsed === null ? 'border-red-500' : 'border-slate-300'}`}
        />
      </label>
    </div>
  );
};

const parseGaps = (text: string): number[] | null => {
  const parts = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return parts.every((n) => Number.isInteger(n) && n >= 1 && n <= 499) ? parts : null;
};

export const BlockForm = ({ doc, block, index, onChange, onRemove }: BlockFormProps) => {
  const g = block.geometry;
  const set = (patch: Partial<RowBlock>) => onChange({ ...block, ...patch });
  const setGeometry = (geometry: RowGeometry) => set({ geometry });
  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-slate-50 p-3"
      data-testid="row-block"
    >
      <legend className="px-1 text-sm font-semibold text-slate-800">Row block {index + 1}</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <SelectField
          label="Row shape"
          value={g.kind}
          options={[
            { value: 'straight', label: 'Straight' },
            { value: 'curved', label: 'Curved (arc)' },
          ]}
          onChange={(kind) => setGeometry(switchKind(doc, g, kind))}
        />
        <NumberField
          label="Rows"
          integer
          min={1}
          max={200}
          value={block.rowCount}
          onChange={(rowCount) => set({ rowCount })}
        />
        <NumberField
          label="Seats per row"
          integer
          min={1}
          max={500}
          value={block.seatsPerRow}
          onChange={(seatsPerRow) => set({ seatsPerRow })}
        />
        {g.kind === 'straight' ? (
          <>
            <NumberField
              label="First seat x"
              step={0.5}
              value={g.origin.x}
              onChange={(x) => setGeometry({ ...g, origin: { ...g.origin, x } })}
            />
            <NumberField
              label="First seat y"
              step={0.5}
              value={g.origin.y}
              onChange={(y) => setGeometry({ ...g, origin: { ...g.origin, y } })}
            />
            <NumberField
              label="Angle (°)"
              step={5}
              value={g.angle}
              onChange={(angle) => setGeometry({ ...g, angle })}
            />
            <NumberField
              label="Seat spacing"
              step={0.1}
              min={0.1}
              value={g.seatSpacing}
              onChange={(seatSpacing) => setGeometry({ ...g, seatSpacing })}
            />
          </>
        ) : (
          <>
            <NumberField
              label="Centre x"
              step={0.5}
              value={g.center.x}
              onChange={(x) => setGeometry({ ...g, center: { ...g.center, x } })}
            />
            <NumberField
              label="Centre y"
              step={0.5}
              value={g.center.y}
              onChange={(y) => setGeometry({ ...g, center: { ...g.center, y } })}
            />
            <NumberField
              label="Radius"
              step={0.5}
              min={0.5}
              value={g.radius}
              onChange={(radius) => setGeometry({ ...g, radius })}
            />
            <SelectField
              label="Arc given by"
              value={g.arc.by}
              options={[
                { value: 'span', label: 'Width in degrees' },
                { value: 'ends', label: 'Start and end angle' },
              ]}
              onChange={(by) =>
                setGeometry({
                  ...g,
                  arc:
                    by === 'ends'
                      ? { by, startAngle: 60, endAngle: 120 }
                      : { by, middleAngle: 90, degrees: 60 },
                })
              }
            />
            {g.arc.by === 'span' ? (
              <>
                <NumberField
                  label="Arc (°)"
                  step={5}
                  min={0}
                  max={360}
                  value={g.arc.degrees}
                  onChange={(degrees) =>
                    g.arc.by === 'span' && setGeometry({ ...g, arc: { ...g.arc, degrees } })
                  }
                />
                <NumberField
                  label="Facing (°)"
                  step={5}
                  value={g.arc.middleAngle}
                  onChange={(middleAngle) =>
                    g.arc.by === 'span' && setGeometry({ ...g, arc: { ...g.arc, middleAngle } })
                  }
                />
              </>
            ) : (
              <>
                <NumberField
                  label="Start angle (°)"
                  step={5}
                  value={g.arc.startAngle}
                  onChange={(startAngle) =>
                    g.arc.by === 'ends' && setGeometry({ ...g, arc: { ...g.arc, startAngle } })
                  }
                />
                <NumberField
                  label="End angle (°)"
                  step={5}
                  value={g.arc.endAngle}
                  onChange={(endAngle) =>
                    g.arc.by === 'ends' && setGeometry({ ...g, arc: { ...g.arc, endAngle } })
                  }
                />
              </>
            )}
          </>
        )}
        <NumberField
          label="Row spacing"
          step={0.1}
          min={0.1}
          value={block.rowSpacing}
          onChange={(rowSpacing) => set({ rowSpacing })}
        />
        <SelectField
          label="Row labels"
          value={block.rowLabels.scheme}
          options={[
            { value: 'letters', label: 'A, B, … AA' },
            { value: 'numbers', label: '1, 2, 3 …' },
          ]}
          onChange={(scheme) => set({ rowLabels: { ...block.rowLabels, scheme } })}
        />
        <NumberField
          label="Rows to skip"
          integer
          min={0}
          value={block.rowLabels.start}
          onChange={(start) => set({ rowLabels: { ...block.rowLabels, start } })}
        />
        <SelectField
          label="Seat numbers"
          value={block.numbering.scheme}
          options={NUMBERING}
          onChange={(scheme) => set({ numbering: { ...block.numbering, scheme } })}
        />
        <NumberField
          label="First number"
          integer
          min={0}
          value={block.numbering.first}
          onChange={(first) => set({ numbering: { ...block.numbering, first } })}
        />
        <GapsField value={block.gapsAfter} onChange={(gapsAfter) => set({ gapsAfter })} />
        <NumberField
          label="Aisle width (seats)"
          integer
          min={1}
          max={20}
          value={block.gapWidth}
          onChange={(gapWidth) => set({ gapWidth })}
        />
        <SelectField
          label="Block tier"
          value={block.tierCode ?? ''}
          options={[
            { value: '', label: 'Section tier' },
            ...doc.tiers.map((t) => ({ value: t.code, label: `${t.code} · ${t.name}` })),
          ]}
          onChange={(tierCode) => set({ tierCode: tierCode || undefined })}
        />
      </div>
      <button
        type="button"
        onClick={onRemove}
        className="mt-2 text-xs font-semibold text-red-700 hover:underline"
      >
        Remove this block
      </button>
    </fieldset>
  );
};
