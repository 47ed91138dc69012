// Legend of price tiers: the colour used on the seat map, the tier's name and its price.
import type { EventDetail } from '@tessera/contracts/catalog';
import { formatPrice } from '../../lib/format.ts';

export const PriceTierLegend = ({ tiers }: { tiers: EventDetail['priceTiers'] }) => {
  if (tiers.length === 0)
    return <p className="text-sm text-slate-600">Prices will be announced soon.</p>;
  const sorted = [...tiers].sort((a, b) => b.priceCents - a.priceCents);
  return (
    <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-1" aria-label="Price tiers">
      {sorted.map((tier) => (
        <li
          key={tier.id}
          className="flex items-center gap-3 rounded-lg border border-slate-200 px-3 py-2"
        >
          <span
            aria-hidden="true"
            className="h-4 w-4 shrink-0 rounded-full ring-1 ring-black/10"
            style={{ backgroundColor: tier.color }}
          />
          <span className="flex-1 text-sm font-medium text-slate-800">{tier.name}</span>
          <span className="text-sm font-semibold text-slate-900">
            {formatPrice(tier.priceCents, tier.currency)}
          </span>
        </li>
      ))}
    </ul>
  );
};
