// The map's legend: each price tier's colour with the seats left in it (live), then what the
// other colours mean (selected, yours, held, sold).
import type { EventDetail } from '@tessera/contracts/catalog';
import { seatsLeftText } from '../seat-map/seats-left.ts';
import type { TierCounts } from '../seat-map/tier-counts.ts';
import { SEAT_COLORS } from './seat-styles.ts';

const ITEMS = [
  { label: 'Selected', fill: SEAT_COLORS.selected, ring: '#fbbf24' },
  { label: 'Held by you', fill: SEAT_COLORS.mine, ring: '#a7f3d0' },
  { label: 'Held', fill: SEAT_COLORS.held },
  { label: 'Sold', fill: SEAT_COLORS.sold },
];

const Dot = ({ fill, ring }: { fill: string; ring?: string }) => (
  <span
    aria-hidden="true"
    className="h-3 w-3 shrink-0 rounded-full"
    style={{ backgroundColor: fill, boxShadow: ring ? `0 0 0 2px ${ring}` : undefined }}
  />
);

export const SeatStateLegend = ({
  tiers,
  counts,
}: {
  tiers: EventDetail['priceTiers'];
  counts: TierCounts | null;
}) => {
  const sorted = [...tiers].sort((a, b) => b.priceCents - a.priceCents);
  return (
    <div className="space-y-2 text-xs text-slate-700">
      <ul
        className="flex flex-wrap gap-x-4 gap-y-1"
        aria-label="Available seats by price tier"
        data-testid="tier-counts"
      >
        {sorted.map((tier) => {
          const available = counts?.get(tier.id)?.available;
          return (
            <li key={tier.id} className="flex items-center gap-1.5" data-tier-id={tier.id}>
              <Dot fill={tier.color} />
              <span className="font-medium text-slate-800">{tier.name}</span>
              <span data-testid="tier-available" data-available={available ?? ''}>
                {available === undefined ? '…' : seatsLeftText(available)}
              </span>
            </li>
          );
        })}
      </ul>
      <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Seat colours">
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="h-3 w-3 rounded-full bg-gradient-to-r from-amber-400 via-sky-500 to-fuchsia-500"
          />
          Available (tier colour)
        </li>
        {ITEMS.map((item) => (
          <li key={item.label} className="flex items-center gap-1.5">
            <Dot fill={item.fill} ring={item.ring} />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
};
