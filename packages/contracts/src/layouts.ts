// The venue layout document the admin designer edits (admin.venues): price tiers, sections and row
// generators. Seats are generated from it by core/layouts; nothing here holds a seat id.
import { z } from 'zod';

/** Layout units: one unit is about one seat pitch (0.5 m); y grows down the page. */
const ZCoordinate = z.number().finite().min(-10_000).max(10_000);
const ZPoint = z.object({ x: ZCoordinate, y: ZCoordinate });
/** Degrees from +x towards +y (90° points down the page). */
const ZAngle = z.number().finite().min(-720).max(720);
const ZCode = z
  .string()
  .trim()
  .min(1, 'Give it a code.')
  .max(12, 'Codes are at most 12 characters.')
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - or _ only.');
const ZName = z.string().trim().min(1, 'Give it a name.').max(80);
const ZLabel = z.string().trim().min(1).max(12);

export const ZPriceTierSpec = z.object({
  code: ZCode,
  name: ZName,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colours are #rrggbb.'),
  defaultPriceCents: z.number().int().min(0).max(10_000_000),
});
export type PriceTierSpec = z.infer<typeof ZPriceTierSpec>;

/** Seats from `origin` (first seat of the first row) along `angle`; later rows step to its right
 * (angle + 90°, i.e. down the page for angle 0) by the block's row spacing. */
export const ZStraightGeometry = z.object({
  kind: z.literal('straight'),
  origin: ZPoint,
  angle: ZAngle.default(0),
  seatSpacing: z.number().min(0.1).max(50),
});

/** Seats spread evenly on an arc around `center` (both ends included); later rows grow the radius
 * by the row spacing. The arc is given by its ends, or by its width in degrees around `middleAngle`. */
export const ZCurvedGeometry = z.object({
  kind: z.literal('curved'),
  center: ZPoint,
  radius: z.number().min(0.5).max(10_000),
  arc: z.discriminatedUnion('by', [
    z.object({ by: z.literal('ends'), startAngle: ZAngle, endAngle: ZAngle }),
    z.object({
      by: z.literal('span'),
      middleAngle: ZAngle,
      degrees: z.number().min(0).max(360),
    }),
  ]),
});
export const ZRowGeometry = z.discriminatedUnion('kind', [ZStraightGeometry, ZCurvedGeometry]);
export type RowGeometry = z.infer<typeof ZRowGeometry>;

/** Row labels: A…Z, AA, AB… or 1, 2, 3…; `start` skips that many (start 2 → first row "C"). */
export const ZRowLabelScheme = z.enum(['letters', 'numbers']);
/** Seat numbers along a row from its start (first seat generated): ascending, descending, or odd
 * numbers on the start half and even numbers on the end half, both rising from the middle outwards. */
export const ZSeatNumbering = z.enum(['left-to-right', 'right-to-left', 'odd-even']);
export type SeatNumbering = z.infer<typeof ZSeatNumbering>;

export const ZRowBlock = z.object({
  /** Client-chosen id, stable across edits (React keys, selection). */
  id: z.string().min(1).max(40),
  geometry: ZRowGeometry,
  rowCount: z.number().int().min(1).max(200),
  rowSpacing: z.number().min(0.1).max(50),
  seatsPerRow: z.number().int().min(1).max(500),
  rowLabels: z.object({ scheme: ZRowLabelScheme, start: z.number().int().min(0).max(700) }),
  numbering: z.object({ scheme: ZSeatNumbering, first: z.number().int().min(0).max(9999) }),
  /** An aisle after the k-th seat slot of every row (1-based, in generation order). */
  gapsAfter: z.array(z.number().int().min(1).max(499)).max(50),
  /** Width of each aisle in empty seat slots. */
  gapWidth: z.number().int().min(1).max(20),
  /** Tier of the block's seats; the section's tier when absent. */
  tierCode: ZCode.optional(),
});
export type RowBlock = z.infer<typeof ZRowBlock>;

export const ZRowOverride = z.object({ row: ZLabel, tierCode: ZCode });

/** Edits of single seats by (row, seat label): they survive regeneration while the label exists. */
export const ZSeatOverride = z.object({
  row: ZLabel,
  seat: ZLabel,
  removed: z.boolean().optional(),
  accessible: z.boolean().optional(),
  tierCode: ZCode.optional(),
});
export type SeatOverride = z.infer<typeof ZSeatOverride>;

export const ZSectionSpec = z.object({
  code: ZCode,
  name: ZName,
  tierCode: ZCode,
  blocks: z.array(ZRowBlock).max(50),
  rowOverrides: z.array(ZRowOverride).max(500),
  seatOverrides: z.array(ZSeatOverride).max(20_000),
});
export type SectionSpec = z.infer<typeof ZSectionSpec>;

export const ZLayoutDocument = z.object({
  schemaVersion: z.literal(1),
  width: z.number().min(10).max(5_000),
  height: z.number().min(10).max(5_000),
  stage: ZPoint,
  /** Seat centres closer than this overlap (a seat is drawn about 0.8 units wide). */
  minSeatSpacing: z.number().min(0.1).max(10),
  tiers: z.array(ZPriceTierSpec).min(1, 'Add at least one price tier.').max(20),
  sections: z.array(ZSectionSpec).max(100),
});
export type LayoutDocument = z.infer<typeof ZLayoutDocument>;

export const LAYOUT_ISSUE_CODES = [
  'DUPLICATE_TIER',
  'DUPLICATE_SECTION',
  'UNKNOWN_TIER',
  'DUPLICATE_ROW_LABEL',
  'DUPLICATE_SEAT_LABEL',
  'OVERLAPPING_SEATS',
  'OUT_OF_BOUNDS',
  'UNMATCHED_OVERRIDE',
  'NO_SEATS',
  'TOO_MANY_SEATS',
] as const;

export const ZLayoutIssue = z.object({
  code: z.enum(LAYOUT_ISSUE_CODES),
  /** Errors block saving; warnings (an override naming no seat) do not. */
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  section: z.string().optional(),
  row: z.string().optional(),
  seats: z.array(z.string()).optional(),
});
export type LayoutIssue = z.infer<typeof ZLayoutIssue>;

export const ZGeneratedSeat = z.object({
  section: z.string(),
  row: z.string(),
  label: z.string(),
  /** 1-based order along the row (generation order, removed seats skipped). */
  position: z.number().int(),
  x: z.number(),
  y: z.number(),
  tierCode: z.string(),
  accessible: z.boolean(),
});
export type GeneratedSeat = z.infer<typeof ZGeneratedSeat>;

export const ZGeneratedRow = z.object({
  section: z.string(),
  label: z.string(),
  sortOrder: z.number().int(),
  arcRadius: z.number().nullable(),
});
export type GeneratedRow = z.infer<typeof ZGeneratedRow>;

export const ZVenueSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  city: z.string(),
  address: z.string(),
  layoutVersion: z.number().int(),
  seatCount: z.number().int(),
  sectionCount: z.number().int(),
  eventCount: z.number().int(),
  /** False for seeded venues with no designer document (they can be viewed, not edited). */
  editable: z.boolean(),
  updatedAt: z.string(),
});
export type VenueSummary = z.infer<typeof ZVenueSummary>;

export const ZVenueDetails = z.object({
  name: ZName,
  city: z.string().trim().min(1, 'Give the city.').max(80),
  address: z.string().trim().max(200),
});
