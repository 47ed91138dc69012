// Meridian Arena, Amsterdam: a 200° bowl of eight curved sections (40 rows each) wrapped around
// an end stage, plus a flat floor of straight rows in front of it. About 11,000 seats.
import { curvedSection, straightSection } from '../layout-geometry.ts';
import { buildSection, type TierPlan, type VenuePlan } from '../venue-plan.ts';

const stage = { x: 120, y: 30 };
const tiers: TierPlan[] = [
  { code: 'FLR', name: 'Floor', color: '#e11d48', defaultPriceCents: 12_900 },
  { code: 'P1', name: 'Lower bowl', color: '#7c3aed', defaultPriceCents: 9_900, maxDistance: 62 },
  { code: 'P2', name: 'Middle bowl', color: '#2563eb', defaultPriceCents: 6_900, maxDistance: 80 },
  { code: 'P3', name: 'Upper bowl', color: '#0d9488', defaultPriceCents: 4_500 },
];

const BOWL_START = -10;
const SECTION_SPAN = 25;

const bowl = Array.from({ length: 8 }, (_, i) =>
  buildSection({
    code: String(101 + i),
    name: `Section ${101 + i}`,
    stage,
    tiers,
    accessibleRow: 0,
    rows: curvedSection({
      center: stage,
      startAngle: BOWL_START + i * SECTION_SPAN,
      endAngle: BOWL_START + (i + 1) * SECTION_SPAN,
      firstRadius: 50,
      rowCount: 40,
      rowSpacing: 1.2,
      pitch: 1,
      aisle: 1,
      labels: 'numbers',
    }),
  }),
);

const floor = buildSection({
  code: 'FLR',
  name: 'Floor',
  stage,
  tiers,
  fixedTier: 'FLR',
  accessibleRow: 23,
  rows: straightSection({
    origin: { x: stage.x, y: stage.y + 10 },
    seatsPerRow: 56,
    rowCount: 24,
    rowSpacing: 1.2,
    pitch: 1,
    labels: 'letters',
  }),
});

export const meridianArena: VenuePlan = {
  key: 'meridian-arena',
  name: 'Meridian Arena',
  city: 'Amsterdam',
  address: 'Arenaboulevard 61, 1101 DL Amsterdam',
  width: 240,
  height: 135,
  stage,
  tiers,
  sections: [floor, ...bowl],
};
