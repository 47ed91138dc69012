// What the fan is paying for: event, seats with prices, the total, and the hold's countdown.
import type { Hold } from '@tessera/contracts/holds';
import { formatEventDate, formatPrice } from '../../lib/format.ts';
import { HoldCountdown } from '../holds/hold-countdown.tsx';

interface OrderSummaryProps {
  hold: Hold;
  event?: { title: string; startsAt: string; venue: { name: string } } | undefined;
  onExpired: () => void;
  showCountdown: boolean;
}

export const OrderSummary = ({ hold, event, onExpired, showCountdown }: OrderSummaryProps) => (
  <section
    aria-label="Order summary"
    className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    data-testid="order-summary"
  >
    <div>
      <h2 className="text-lg font-semibold text-slate-900">{event?.title ?? 'Your seats'}</h2>
      {event && (
        <p className="text-sm text-slate-600">
          {formatEventDate(event.startsAt)} · {event.venue.name}
        </p>
      )}
    </div>
    {showCountdown && <HoldCountdown expiresAt={hold.expiresAt} onExpired={onExpired} />}
    {showCountdown && hold.extended && (
      <p className="text-xs text-slate-600">Your hold was extended while the payment completes.</p>
    )}
    <ul className="divide-y divide-slate-100 text-sm" aria-label="Seats">
      {hold.seats.map((seat) => (
        <li key={seat.seatId} className="flex justify-between gap-3 py-2">
          <span>
            <span className="block font-medium text-slate-900">
              {seat.section} · Row {seat.row} · Seat {seat.seat}
            </span>
            <span className="text-xs text-slate-600">{seat.tierName}</span>
          </span>
          <span className="font-medium text-slate-900">
            {formatPrice(seat.priceCents, hold.currency)}
          </span>
        </li>
      ))}
    </ul>
    <div className="flex items-center justify-between border-t border-slate-200 pt-3">
      <span className="text-sm text-slate-700">Total</span>
      <span className="text-xl font-bold text-slate-900" data-testid="order-total">
        {formatPrice(hold.totalCents, hold.currency)}
      </span>
    </div>
  </section>
);
