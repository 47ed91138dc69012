// One active hold: its seats and total, the countdown, "Release" and "Continue to checkout".
import type { Hold } from '@tessera/contracts/holds';
import { Link } from 'react-router-dom';
import { Button, buttonClasses } from '../../components/button.tsx';
import { formatPrice } from '../../lib/format.ts';
import { HoldCountdown } from './hold-countdown.tsx';

interface HoldPanelProps {
  hold: Hold;
  releasing: boolean;
  onRelease: () => void;
  onExpired: () => void;
}

export const HoldPanel = ({ hold, releasing, onRelease, onExpired }: HoldPanelProps) => (
  <div className="space-y-3" data-testid="hold-panel">
    <HoldCountdown expiresAt={hold.expiresAt} onExpired={onExpired} />
    <ul className="space-y-1 text-sm" aria-label="Held seats">
      {hold.seats.map((seat) => (
        <li key={seat.seatId} className="flex justify-between gap-3">
          <span className="text-slate-800">
            {seat.section} · Row {seat.row} · Seat {seat.seat}
          </span>
          <span className="font-medium text-slate-900">
            {formatPrice(seat.priceCents, hold.currency)}
          </span>
        </li>
      ))}
    </ul>
    <div className="flex items-center justify-between border-t border-slate-200 pt-2 text-sm">
      <span className="text-slate-700">Total</span>
      <span className="text-base font-bold text-slate-900">
        {formatPrice(hold.totalCents, hold.currency)}
      </span>
    </div>
    <div className="flex gap-2">
      <Link to={`/checkout/${hold.id}`} className={buttonClasses('primary', 'flex-1')}>
        Continue to checkout
      </Link>
      <Button variant="secondary" onClick={onRelease} pending={releasing}>
        Release
      </Button>
    </div>
  </div>
);
