// The shape of a seeded venue before it touches the database, and the rules that give each seat
// its price tier (by distance to the stage, or fixed per section) and accessibility.
import type { Point, RowPlan, SeatPoint } from './layout-geometry.ts';

export interface TierPlan {
  code: string;
  name: string;
  color: string;
  defaultPriceCents: number;
  /** Seats at most this far from the stage get this tier (first match wins); seats beyond every
   * limit get the last tier. Omit for tiers only given to whole sections (`fixedTier`). */
  maxDistance?: number;
}

export interface SeatPlan extends SeatPoint {
  tierCode: string;
  accessible: boolean;
}

export interface SectionPlan {
  code: string;
  name: string;
  rows: { label: string; arcRadius: number | null; seats: SeatPlan[] }[];
}

export interface VenuePlan {
  /** Stable key the seed derives the venue's UUID from. */
  key: string;
  name: string;
  city: string;
  address: string;
  width: number;
  height: number;
  stage: Point;
  tiers: TierPlan[];
  sections: SectionPlan[];
}

export interface BuildSectionOptions {
  code: string;
  name: string;
  rows: RowPlan[];
  stage: Point;
  tiers: TierPlan[];
  /** Every seat of the section gets this tier instead of the distance rule (e.g. the floor). */
  fixedTier?: string;
  /** Index of the row whose two seats at each end are wheelchair-accessible. */
  accessibleRow?: number;
}

export const tierByDistance = (tiers: TierPlan[], distance: number): string => {
  const tier =
    tiers.find((t) => t.maxDistance !== undefined && distance <= t.maxDistance) ?? tiers.at(-1);
  if (!tier) throw new Error('A venue needs at least one price tier.');
  return tier.code;
};

export const buildSection = (o: BuildSectionOptions): SectionPlan => ({
  code: o.code,
  name: o.name,
  rows: o.rows.map((row, rowIndex) => ({
    label: row.label,
    arcRadius: row.arcRadius,
    seats: row.seats.map((seat) => ({
      ...seat,
      tierCode:
        o.fixedTier ?? tierByDistance(o.tiers, Math.hypot(seat.x - o.stage.x, seat.y - o.stage.y)),
      accessible:
        rowIndex === o.accessibleRow &&
        (seat.position <= 2 || seat.position > row.seats.length - 2),
    })),
  })),
});

export const seatCount = (plan: VenuePlan) =>
  plan.sections.reduce((sum, s) => sum + s.rows.reduce((n, r) => n + r.seats.length, 0), 0);
