// Turns a hold's seat ids and expiry into what fans see: labelled, priced seats and a total.
import type { Hold } from '@tessera/contracts/holds';
import { seatInfoOf, type EventSaleInfo } from './event-sale-info.ts';

export interface HoldViewOptions {
  info: EventSaleInfo;
  holdId: string;
  seatIds: number[];
  expiresAt: number;
  extended: boolean;
}

export const toHoldView = ({
  info,
  holdId,
  seatIds,
  expiresAt,
  extended,
}: HoldViewOptions): Hold => {
  const seats = seatIds.map((seatId) => {
    const { shortLabel: _short, ...seat } = seatInfoOf(info, seatId);
    return seat;
  });
  return {
    id: holdId,
    eventId: info.eventId,
    seats,
    expiresAt: new Date(expiresAt).toISOString(),
    extended,
    totalCents: seats.reduce((sum, seat) => sum + seat.priceCents, 0),
    currency: info.currency,
  };
};
