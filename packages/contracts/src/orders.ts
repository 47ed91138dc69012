// Orders and tickets (orders.mine, orders.get).
import { z } from 'zod';
import { ZIsoDate } from './catalog.ts';

export const ZOrderStatus = z.enum(['PENDING', 'CONFIRMED', 'REFUNDED', 'CANCELLED']);

export const ZTicket = z.object({
  /** The ticket id (one per sold seat). */
  id: z.string().uuid(),
  seatId: z.number().int(),
  section: z.string(),
  row: z.string(),
  seat: z.string(),
  label: z.string(),
  tierName: z.string(),
  priceCents: z.number().int(),
  status: z.enum(['SOLD', 'REFUNDED', 'CANCELLED']),
  /** `<ticketId>.<signature>`: what the QR code encodes and the gate verifies. */
  signedId: z.string(),
  /** SVG image of the QR code as a `data:image/svg+xml;base64,...` URL (use as <img src>). */
  qrCode: z.string(),
});
export type Ticket = z.infer<typeof ZTicket>;

export const ZOrderSummary = z.object({
  id: z.string().uuid(),
  status: ZOrderStatus,
  totalCents: z.number().int(),
  currency: z.string(),
  createdAt: ZIsoDate,
  confirmedAt: ZIsoDate.nullable(),
  ticketCount: z.number().int(),
  event: z.object({
    id: z.string().uuid(),
    title: z.string(),
    startsAt: ZIsoDate,
    venueName: z.string(),
    city: z.string(),
  }),
});
export type OrderSummary = z.infer<typeof ZOrderSummary>;

export const ZMyOrdersResponse = z.object({ items: z.array(ZOrderSummary) });
export type MyOrdersResponse = z.infer<typeof ZMyOrdersResponse>;

export const ZGetOrderRequest = z.object({ orderId: z.string().uuid('Unknown order.') });
export const ZOrderDetail = ZOrderSummary.extend({ tickets: z.array(ZTicket) });
export type OrderDetail = z.infer<typeof ZOrderDetail>;
