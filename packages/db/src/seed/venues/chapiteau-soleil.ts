// Chapiteau Soleil, Lyon: a circus tent in the round, four curved sections around a central
// ring. About 860 seats.
import { curvedSection } from '../layout-geometry.ts';
import { buildSection, type TierPlan, type VenuePlan } from '../venue-plan.ts';

const stage = { x: 50, y: 50 };
const tiers: TierPlan[] = [
  { code: 'RNG', name: 'Ringside', color: '#dc2626', defaultPriceCents: 5_500, maxDistance: 15 },
  { code: 'TRB', name: 'Tribune', color: '#ca8a04', defaultPriceCents: 3_200 },
];

const quarters = [
  { code: 'ROU', name: 'Rouge' },
  { code: 'JAU', name: 'Jaune' },
  { code: 'BLE', name: 'Bleu' },
  { code: 'VER', name: 'Vert' },
].map((q, i) =>
  buildSection({
    code: q.code,
    name: q.name,
    stage,
    tiers,
    accessibleRow: 8,
    rows: curvedSection({
      center: stage,
      startAngle: i * 90,
      endAngle: (i + 1) * 90,
      firstRadius: 12,
      rowCount: 9,
      rowSpacing: 1.2,
      pitch: 1,
      aisle: 1.5,
      labels: 'letters',
    }),
  }),
);

export const chapiteauSoleil: VenuePlan = {
  key: 'chapiteau-soleil',
  name: 'Chapiteau Soleil',
  city: 'Lyon',
  address: 'Quai Rambaud 40, 69002 Lyon',
  width: 100,
  height: 100,
  stage,
  tiers,
  sections: quarters,
};
