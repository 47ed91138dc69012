// Price tiers of the venue: code, name, colour and default price (events set their own prices).
import type { LayoutDocument, PriceTierSpec } from '@tessera/contracts/layouts';
import { nextTierColor } from './designer-model.ts';
import { NumberField } from './number-field.tsx';

interface TiersPanelProps {
  doc: LayoutDocument;
  onChange: (doc: LayoutDocument) => void;
}

export const TiersPanel = ({ doc, onChange }: TiersPanelProps) => {
  const setTier = (i: number, patch: Partial<PriceTierSpec>) =>
    onChange({ ...doc, tiers: doc.tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  const addTier = () => {
    const codes = new Set(doc.tiers.map((t) => t.code));
    let n = doc.tiers.length + 1;
    while (codes.has(`P${n}`)) n++;
    onChange({
      ...doc,
      tiers: [
        ...doc.tiers,
        { code: `P${n}`, name: `Tier ${n}`, color: nextTierColor(doc), defaultPriceCents: 3000 },
      ],
    });
  };
  return (
    <section aria-labelledby="tiers-heading" className="space-y-2">
      <h2 id="tiers-heading" className="text-sm font-bold text-slate-900">
        Price tiers
      </h2>
      <ul className="space-y-2">
        {doc.tiers.map((tier, i) => (
          <li
            key={i}
            className="grid grid-cols-[2.5rem_4.5rem_1fr_5.5rem_auto] items-end gap-2"
            data-testid="tier-row"
          >
            <label className="block text-xs font-medium text-slate-700">
              Colour
              <input
                type="color"
                value={tier.color}
                onChange={(e) => setTier(i, { color: e.target.value })}
                className="mt-0.5 block h-8 w-10 rounded border border-slate-300"
              />
            </label>
            <label className="block text-xs font-medium text-slate-700">
              Tier code
              <input
                value={tier.code}
                onChange={(e) => setTier(i, { code: e.target.value.toUpperCase() })}
                className="mt-0.5 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              />
            </label>
            <label className="block min-w-0 text-xs font-medium text-slate-700">
              Tier name
              <input
                value={tier.name}
                onChange={(e) => setTier(i, { name: e.target.value })}
                className="mt-0.5 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              />
            </label>
            <NumberField
              label="Price €"
              step={0.5}
              min={0}
              value={tier.defaultPriceCents / 100}
              onChange={(euros) => setTier(i, { defaultPriceCents: Math.round(euros * 100) })}
            />
            <button
              type="button"
              disabled={doc.tiers.length === 1}
              onClick={() => onChange({ ...doc, tiers: doc.tiers.filter((_, j) => j !== i) })}
              className="pb-1.5 text-xs font-semibold text-red-700 hover:underline disabled:opacity-40"
              aria-label={`Remove tier ${tier.code}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={addTier}
        className="text-sm font-semibold text-indigo-700 hover:underline"
      >
        + Add a tier
      </button>
    </section>
  );
};
