// Admin console schemas: events (create, edit, publish, unpublish, cancel) and orders (search,
// detail, refund, expired holds). Field messages are written for the person filling the form.
import { z } from 'zod';
import { ZEventCategory, ZEventStatus, ZIsoDate } from './catalog.ts';
import { ZOrderStatus } from './orders.ts';

const ZUuid = (message: string) => z.string().uuid(message);

export const MAX_PRICE_CENTS = 10_000_000;

export const ZAdminTierPriceInput = z.object({
  priceTierId: z.number().int().positive(),
  priceCents: z
    .number({ message: 'Enter a price.' })
    .int('Prices are in whole cents.')
    .min(0, 'A price cannot be negative.')
    .max(MAX_PRICE_CENTS, 'A price must be at most 100,000.00.'),
});

/** What the event form edits; `prices` lists one price per venue tier the event overrides. */
export const ZAdminEventInput = z.object({
  title: z
    .string()
    .trim()
    .min(3, 'Give the event a title of at least 3 characters.')
    .max(120, 'Keep the title under 120 characters.'),
  description: z.string().trim().max(5000, 'Keep the description under 5,000 characters.'),
  category: ZEventCategory,
  city: z.string().trim().min(1, 'Enter the city.').max(100, 'Keep the city under 100 characters.'),
  venueId: ZUuid('Choose a venue.'),
  startsAt: ZIsoDate.refine((value) => !Number.isNaN(Date.parse(value)), 'Enter a start time.'),
  imageUrl: z
    .string()
    .trim()
    .max(2000, 'Keep the image URL under 2,000 characters.')
    .refine(
      (value) => value === '' || /^https:\/\/[^\s]+$/i.test(value),
      'Use an https:// image URL, or leave it empty.',
    )
    .transform((value) => (value === '' ? null : value))
    .nullable(),
  prices: z.array(ZAdminTierPriceInput).max(50, 'A venue has at most 50 price tiers.'),
});
export type AdminEventInput = z.input<typeof ZAdminEventInput>;

export const ZAdminCreateEventRequest = ZAdminEventInput;
export const ZAdminUpdateEventRequest = ZAdminEventInput.extend({ id: ZUuid('Unknown event.') });
export const ZAdminEventIdRequest = z.object({ id: ZUuid('Unknown event.') });

export const ZAdminTierPrice = z.object({
  priceTierId: z.number().int(),
  code: z.string(),
  name: z.string(),
  color: z.string(),
  defaultPriceCents: z.number().int(),
  /** The event's own price, or null when the tier sells at the venue default. */
  priceCents: z.number().int().nullable(),
  seats: z.number().int(),
});

export const ZAdminEventDetail = z.object({
  id: z.string().uuid(),
  title: z.string(),
  description: z.string(),
  category: ZEventCategory,
  city: z.string(),
  startsAt: ZIsoDate,
  imageUrl: z.string().nullable(),
  status: ZEventStatus,
  venue: z.object({ id: z.string().uuid(), name: z.string(), city: z.string() }),
  capacity: z.number().int(),
  seatsSold: z.number().int(),
  currency: z.string(),
  prices: z.array(ZAdminTierPrice),
  orders: z.object({
    confirmed: z.number().int(),
    refunded: z.number().int(),
    /** Refunded or cancelled orders whose money the provider has not confirmed returning. */
    awaitingRefund: z.number().int(),
  }),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
});
export type AdminEventDetail = z.infer<typeof ZAdminEventDetail>;

export const ZAdminVenueOption = z.object({
  id: z.string().uuid(),
  name: z.string(),
  city: z.string(),
  capacity: z.number().int(),
  tiers: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      color: z.string(),
      defaultPriceCents: z.number().int(),
    }),
  ),
});
export const ZAdminVenueOptionsResponse = z.object({ venues: z.array(ZAdminVenueOption) });
export type AdminVenueOption = z.infer<typeof ZAdminVenueOption>;

export const ZAdminCancelEventResponse = z.object({
  event: ZAdminEventDetail,
  refundedOrders: z.number().int(),
  refundedCents: z.number().int(),
  releasedHolds: z.number().int(),
  /** Orders whose refund failed at the provider; cancelling again retries them. */
  failedOrders: z.array(z.string().uuid()),
});
export type AdminCancelEventResponse = z.infer<typeof ZAdminCancelEventResponse>;

export const ADMIN_ORDERS_MAX_PAGE = 50;

export const ZAdminListOrdersRequest = z.object({
  /** An email (or part of one) or a whole order id. */
  q: z.string().trim().max(200, 'Keep the search under 200 characters.').optional(),
  eventId: ZUuid('Unknown event.').optional(),
  status: ZOrderStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(ADMIN_ORDERS_MAX_PAGE).default(20),
});
export type AdminListOrdersRequest = z.input<typeof ZAdminListOrdersRequest>;

export const ZAdminOrderSummary = z.object({
  id: z.string().uuid(),
  status: ZOrderStatus,
  totalCents: z.number().int(),
  currency: z.string(),
  createdAt: ZIsoDate,
  ticketCount: z.number().int(),
  user: z.object({ id: z.string().uuid(), email: z.string(), name: z.string() }),
  event: z.object({ id: z.string().uuid(), title: z.string(), startsAt: ZIsoDate }),
});
export type AdminOrderSummary = z.infer<typeof ZAdminOrderSummary>;

export const ZAdminListOrdersResponse = z.object({
  items: z.array(ZAdminOrderSummary),
  nextCursor: z.string().nullable(),
});

export const ZAdminOrderRequest = z.object({ orderId: ZUuid('Unknown order.') });

export const ZAdminPayment = z.object({
  id: z.string().uuid(),
  status: z.enum(['PENDING', 'SUCCEEDED', 'DECLINED', 'REFUNDED', 'FAILED']),
  provider: z.string(),
  providerRef: z.string().nullable(),
  amountCents: z.number().int(),
  currency: z.string(),
  failureReason: z.string().nullable(),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
});

export const ZAdminOrderDetail = ZAdminOrderSummary.extend({
  confirmedAt: ZIsoDate.nullable(),
  event: ZAdminOrderSummary.shape.event.extend({ status: ZEventStatus }),
  seats: z.array(
    z.object({
      ticketId: z.string().uuid(),
      seatId: z.number().int(),
      label: z.string(),
      tierName: z.string(),
      priceCents: z.number().int(),
      status: z.enum(['SOLD', 'REFUNDED', 'CANCELLED']),
    }),
  ),
  payments: z.array(ZAdminPayment),
  /** Money returned through the provider (the refunded payments), newest first. */
  refunds: z.array(
    z.object({
      paymentId: z.string().uuid(),
      amountCents: z.number().int(),
      currency: z.string(),
      reason: z.string().nullable(),
      at: ZIsoDate,
    }),
  ),
});
export type AdminOrderDetail = z.infer<typeof ZAdminOrderDetail>;

export const ZAdminRefundOrderResponse = z.object({
  order: ZAdminOrderDetail,
  seatsReleased: z.number().int(),
});

export const ZAdminExpiredHoldsRequest = z.object({
  eventId: ZUuid('Unknown event.'),
  limit: z.number().int().min(1).max(ADMIN_ORDERS_MAX_PAGE).default(50),
});

export const ZAdminExpiredHold = z.object({
  id: z.string().uuid(),
  status: z.enum(['EXPIRED', 'RELEASED']),
  /** expired: timed out; released: let go by the fan; payment-failed: ended after a failed payment. */
  reason: z.enum(['expired', 'released', 'payment-failed']),
  user: z.object({ id: z.string().uuid(), email: z.string() }),
  seatCount: z.number().int(),
  createdAt: ZIsoDate,
  expiresAt: ZIsoDate,
  paymentAttempts: z.number().int(),
});
export const ZAdminExpiredHoldsResponse = z.object({ items: z.array(ZAdminExpiredHold) });
export type AdminExpiredHold = z.infer<typeof ZAdminExpiredHold>;
