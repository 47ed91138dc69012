// The seats the fan picked (section, row, seat, tier, price), the total, and "Hold these seats".
import { Button } from '../../components/button.tsx';
import { formatPrice } from '../../lib/format.ts';
import type { SeatIndex } from './seat-index.ts';

interface SelectionPanelProps {
  selection: number[];
  seatIndex: SeatIndex;
  currency: string;
  limit: number;
  signedIn: boolean;
  holding: boolean;
  onRemove: (seatId: number) => void;
  onClear: () => void;
  onHold: () => void;
}

export const SelectionPanel = (props: SelectionPanelProps) => {
  const { selection, seatIndex, currency, limit } = props;
  const seats = selection.flatMap((id) => seatIndex.get(id) ?? []);
  const total = seats.reduce((sum, seat) => sum + seat.priceCents, 0);
  if (seats.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="selection-empty">
        {limit > 0
          ? `Tap available seats on the map to pick up to ${limit}, or let us find the best ones below.`
          : 'You hold the most seats this sale allows. Release a hold to pick others.'}
      </p>
    );
  }
  return (
    <div data-testid="selection-panel">
      <ul className="divide-y divide-slate-100" aria-label="Selected seats">
        {seats.map((seat) => (
          <li key={seat.id} className="flex items-center gap-3 py-2 text-sm">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {seat.sectionName} · Row {seat.rowLabel} · Seat {seat.seatLabel}
              </p>
              <p className="text-xs text-slate-600">{seat.tierName}</p>
            </div>
            <span className="font-semibold text-slate-900">
              {formatPrice(seat.priceCents, seat.currency)}
            </span>
            <button
              type="button"
              onClick={() => props.onRemove(seat.id)}
              className="rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              aria-label={`Remove ${seat.sectionName} row ${seat.rowLabel} seat ${seat.seatLabel}`}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex items-center justify-between border-t border-slate-200 pt-3">
        <span className="text-sm text-slate-700">
          Total · {seats.length} seat{seats.length === 1 ? '' : 's'}
        </span>
        <span className="text-lg font-bold text-slate-900" data-testid="selection-total">
          {formatPrice(total, currency)}
        </span>
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button className="flex-1" onClick={props.onHold} pending={props.holding}>
          {props.signedIn ? 'Hold these seats' : 'Sign in to hold these seats'}
        </Button>
        <Button variant="secondary" onClick={props.onClear}>
          Clear
        </Button>
      </div>
    </div>
  );
};
