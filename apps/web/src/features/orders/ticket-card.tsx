// One ticket: seat, tier, price and its QR code (the signed ticket id the gate scans).
import type { Ticket } from '@tessera/contracts/orders';
import { formatPrice } from '../../lib/format.ts';
import { safeQrSrc } from './qr-image.ts';

export const TicketCard = ({ ticket, currency }: { ticket: Ticket; currency: string }) => {
  const src = safeQrSrc(ticket.qrCode);
  const seat = `${ticket.section}, row ${ticket.row}, seat ${ticket.seat}`;
  return (
    <li
      className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="ticket"
    >
      {src ? (
        <img
          src={src}
          alt={`QR code for ${seat}`}
          className="h-28 w-28 shrink-0 rounded-lg bg-white ring-1 ring-slate-200"
          data-testid="ticket-qr"
        />
      ) : (
        <div className="flex h-28 w-28 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-center text-xs text-slate-600">
          QR code unavailable
        </div>
      )}
      <div className="min-w-0 flex-1">
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {ticket.section}
        </p>
        <p className="mt-0.5 text-lg font-bold text-slate-900">
          Row {ticket.row} · Seat {ticket.seat}
        </p>
        <p className="text-sm text-slate-700">
          {ticket.tierName} · {formatPrice(ticket.priceCents, currency)}
        </p>
        {ticket.status !== 'SOLD' && (
          <p className="mt-1 text-sm font-semibold text-amber-800">
            {ticket.status === 'REFUNDED' ? 'Refunded' : 'Cancelled'}: not valid for entry
          </p>
        )}
      </div>
    </li>
  );
};
