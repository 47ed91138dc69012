// Requests and responses of admin.venues (the layout designer's procedures).
import { z } from 'zod';
import {
  ZGeneratedSeat,
  ZLayoutDocument,
  ZLayoutIssue,
  ZPriceTierSpec,
  ZVenueDetails,
  ZVenueSummary,
} from '@tessera/contracts/layouts';

export const ZListVenuesResponse = z.array(ZVenueSummary);

export const ZGetVenueRequest = z.object({ venueId: z.uuid() });

export const ZGetVenueResponse = z.object({
  venue: z.object({
    id: z.uuid(),
    name: z.string(),
    city: z.string(),
    address: z.string(),
    layoutVersion: z.number().int(),
    eventCount: z.number().int(),
  }),
  document: ZLayoutDocument.nullable(),
  tiers: z.array(ZPriceTierSpec),
  bounds: z.object({
    width: z.number(),
    height: z.number(),
    stage: z.object({ x: z.number(), y: z.number() }),
  }),
  seats: z.array(ZGeneratedSeat.extend({ id: z.number().int() })),
  /** Seats sold or held for an event on this venue right now. */
  lockedSeatIds: z.array(z.number().int()),
});

export const ZPreviewLayoutRequest = z.object({ document: ZLayoutDocument });
export const ZPreviewLayoutResponse = z.object({
  seats: z.array(ZGeneratedSeat),
  issues: z.array(ZLayoutIssue),
  ok: z.boolean(),
});

export const ZCreateVenueRequest = z.object({ details: ZVenueDetails, document: ZLayoutDocument });
export const ZCreateVenueResponse = z.object({
  id: z.uuid(),
  layoutVersion: z.number().int(),
  seatCount: z.number().int(),
});

export const ZSaveLayoutRequest = z.object({
  venueId: z.uuid(),
  expectedLayoutVersion: z.number().int().min(0),
  document: ZLayoutDocument,
  details: ZVenueDetails.optional(),
});
export const ZSaveLayoutResponse = z.object({
  layoutVersion: z.number().int(),
  seatCount: z.number().int(),
  added: z.number().int(),
  dropped: z.number().int(),
  moved: z.number().int(),
  kept: z.number().int(),
  issues: z.array(ZLayoutIssue),
});
