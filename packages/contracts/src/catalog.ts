// Catalog request/response schemas (events.list, events.get).
import { z } from 'zod';

/** Dates travel as ISO-8601 strings (no transformer: plain JSON for k6 and any client). */
export const ZIsoDate = z.string().datetime({ offset: true });

export const EVENT_CATEGORIES = [
  'CONCERT',
  'SPORTS',
  'THEATRE',
  'COMEDY',
  'FAMILY',
  'FESTIVAL',
] as const;
export const ZEventCategory = z.enum(EVENT_CATEGORIES);
export type EventCategory = z.infer<typeof ZEventCategory>;
export const ZEventStatus = z.enum(['DRAFT', 'PUBLISHED', 'CANCELLED']);

export const ZListEventsRequest = z
  .object({
    q: z.string().trim().max(100).optional(),
    category: ZEventCategory.optional(),
    city: z.string().trim().min(1).max(100).optional(),
    /** ISO date-times; events starting in [from, to]. */
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    /** Price bounds in cents: an event matches if any of its tiers is priced within them. */
    minPriceCents: z.number().int().min(0).max(10_000_000).optional(),
    maxPriceCents: z.number().int().min(0).max(10_000_000).optional(),
    hasSeatsLeft: z.boolean().optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(12),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: 'The start date must be before the end date.',
    path: ['to'],
  })
  .refine(
    (v) =>
      v.minPriceCents === undefined ||
      v.maxPriceCents === undefined ||
      v.minPriceCents <= v.maxPriceCents,
    { message: 'The minimum price must not exceed the maximum.', path: ['maxPriceCents'] },
  );
export type ListEventsRequest = z.input<typeof ZListEventsRequest>;

export const ZEventSummary = z.object({
  id: z.string().uuid(),
  title: z.string(),
  category: ZEventCategory,
  city: z.string(),
  startsAt: ZIsoDate,
  imageUrl: z.string().nullable(),
  status: ZEventStatus,
  venue: z.object({ id: z.string().uuid(), name: z.string() }),
  minPriceCents: z.number().int().nullable(),
  maxPriceCents: z.number().int().nullable(),
  currency: z.string(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  nextOnSaleAt: ZIsoDate.nullable(),
});
export type EventSummary = z.infer<typeof ZEventSummary>;

export const ZListEventsResponse = z.object({
  items: z.array(ZEventSummary),
  nextCursor: z.string().nullable(),
});
export type ListEventsResponse = z.infer<typeof ZListEventsResponse>;

export const ZGetEventRequest = z.object({
  id: z.string().uuid('Unknown event.'),
  /**
   * "omit": the answer's `layout` keeps its version and size but no sections, rows or seats; fetch
   * those once per version from GET /api/venues/:venueId/layout?version=N (ETag, immutable).
   */
  layout: z.enum(['include', 'omit']).default('include'),
});

export const ZPriceTier = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  color: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
});

/** Layout in a compact, column-friendly shape: seats reference rows/sections/tiers by id. */
export const ZVenueLayout = z.object({
  version: z.number().int(),
  width: z.number(),
  height: z.number(),
  stage: z.object({ x: z.number(), y: z.number() }),
  sections: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
  rows: z.array(z.object({ id: z.number().int(), sectionId: z.number().int(), label: z.string() })),
  seats: z.array(
    z.object({
      id: z.number().int(),
      rowId: z.number().int(),
      label: z.string(),
      x: z.number(),
      y: z.number(),
      tierId: z.number().int(),
      accessible: z.boolean(),
    }),
  ),
});
export type VenueLayout = z.infer<typeof ZVenueLayout>;

export const ZOnSaleWindowPublic = z.object({
  id: z.string().uuid(),
  name: z.string(),
  startsAt: ZIsoDate,
  endsAt: ZIsoDate,
  requiresPresaleCode: z.boolean(),
  waitingRoomEnabled: z.boolean(),
  preQueueOpensAt: ZIsoDate.nullable(),
  status: z.enum(['SCHEDULED', 'OPEN', 'PAUSED', 'ENDED', 'CANCELLED']),
  perFanSeatLimit: z.number().int(),
});

export const ZEventDetail = ZEventSummary.extend({
  description: z.string(),
  venue: z.object({
    id: z.string().uuid(),
    name: z.string(),
    city: z.string(),
    address: z.string(),
  }),
  priceTiers: z.array(ZPriceTier),
  layout: ZVenueLayout,
  onSales: z.array(ZOnSaleWindowPublic),
});
export type EventDetail = z.infer<typeof ZEventDetail>;
