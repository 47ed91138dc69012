// What the map's colours mean besides the price tiers: selected, yours, held and sold.
import { SEAT_COLORS } from './seat-styles.ts';

const ITEMS = [
  { label: 'Selected', fill: SEAT_COLORS.selected, ring: '#fbbf24' },
  { label: 'Held by you', fill: SEAT_COLORS.mine, ring: '#a7f3d0' },
  { label: 'Held', fill: SEAT_COLORS.held },
  { label: 'Sold', fill: SEAT_COLORS.sold },
];

export const SeatStateLegend = () => (
  <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Seat colours">
    <li className="flex items-center gap-1.5">
      <span
        aria-hidden="true"
        className="h-3 w-3 rounded-full bg-gradient-to-r from-amber-400 via-sky-500 to-fuchsia-500"
      />
      Available (price tier colour)
    </li>
    {ITEMS.map((item) => (
      <li key={item.label} className="flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="h-3 w-3 rounded-full"
          style={{
            backgroundColor: item.fill,
            boxShadow: item.ring ? `0 0 0 2px ${item.ring}` : undefined,
          }}
        />
        {item.label}
      </li>
    ))}
  </ul>
);
