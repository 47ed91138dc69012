// Legend of price tiers: the colour used on the seat map, the tier's name and its price, and,
// while a sale is open, how many seats of the tier are left (live).
import type { EventDetail } from '@tessera/contracts/catalog';
import { formatPrice } from '../../lib/format.ts';
import { seatsLeftText } from '../seat-map/seats-left.ts';
import { useTierCounts } from '../seat-map/tier-counts-context.ts';

export const PriceTierLegend = ({ tiers }: { tiers: EventDetail['priceTiers'] }) => {
  const counts = useTierCounts();
  if (tiers.length === 0)
    return <p className="text-sm text-slate-600">Prices will be announced soon.</p>;
  const sorted = [...tiers].sort((a, b) => b.priceCents - a.priceCents);
  return (
    <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-1" aria-label="Price tiers">
      {sorted.map((tier) => {
        const available = counts?.get(tier.id)?.available;
        return (
          <li
            key={tier.id}
            className="flex items-center gap-3 rounded-lg border border-slate-200 px-3 py-2"
            data-testid="price-tier"
          >
            <span
              aria-hidden="true"
              className="h-4 w-4 shrink-0 rounded-full ring-1 ring-black/10"
              style={{ backgroundColor: tier.color }}
            />
            <span className="min-w-0 flex-1 text-sm font-medium wrap-anywhere text-slate-800">
              {tier.name}
              {available !== undefined && (
                <span
                  className={`block text-xs font-normal ${available === 0 ? 'text-red-700' : 'text-slate-600'}`}
                  data-testid="tier-seats-left"
                >
                  {seatsLeftText(available)}
                </span>
              )}
            </span>
            <span className="shrink-0 text-sm font-semibold text-slate-900">
              {formatPrice(tier.priceCents, tier.currency)}
            </span>
          </li>
        );
      })}
    </ul>
  );
};
