// Halle Kobalt, Berlin: a club hall with two blocks of straight rows split by a centre aisle and
// a three-row gallery at the back. About 480 seats.
import { straightSection } from '../layout-geometry.ts';
import { buildSection, type TierPlan, type VenuePlan } from '../venue-plan.ts';

const stage = { x: 30, y: 5 };
const tiers: TierPlan[] = [
  { code: 'FRT', name: 'Front', color: '#f97316', defaultPriceCents: 4_800, maxDistance: 13 },
  { code: 'STD', name: 'Standard', color: '#0891b2', defaultPriceCents: 3_500, maxDistance: 30 },
  { code: 'GAL', name: 'Gallery', color: '#65a30d', defaultPriceCents: 2_500 },
];

const floorBlock = (code: string, name: string, centreX: number) =>
  buildSection({
    code,
    name,
    stage,
    tiers,
    accessibleRow: 13,
    rows: straightSection({
      origin: { x: centreX, y: 10 },
      seatsPerRow: 14,
      rowCount: 14,
      rowSpacing: 1.2,
      pitch: 1,
      labels: 'letters',
    }),
  });

const gallery = buildSection({
  code: 'GAL',
  name: 'Gallery',
  stage,
  tiers,
  fixedTier: 'GAL',
  rows: straightSection({
    origin: { x: 30, y: 30 },
    seatsPerRow: 30,
    rowCount: 3,
    rowSpacing: 1.2,
    pitch: 1,
    labels: 'letters',
  }),
});

export const halleKobalt: VenuePlan = {
  key: 'halle-kobalt',
  name: 'Halle Kobalt',
  city: 'Berlin',
  address: 'Kobaltstraße 8, 10997 Berlin',
  width: 60,
  height: 36,
  stage,
  tiers,
  // 14 seats span 13 units; centres at 22 and 38 leave a 3-unit aisle between the blocks.
  sections: [floorBlock('L', 'Floor Left', 22), floorBlock('R', 'Floor Right', 38), gallery],
};
