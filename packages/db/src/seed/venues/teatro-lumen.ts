// Teatro Lumen, Milan: three blocks of curved stalls fanning out from a proscenium stage and a
// two-block balcony drawn behind them (plan view). About 1,400 seats.
import { curvedSection } from '../layout-geometry.ts';
import { buildSection, type TierPlan, type VenuePlan } from '../venue-plan.ts';

const stage = { x: 60, y: 12 };
const tiers: TierPlan[] = [
  {
    code: 'PRM',
    name: 'Premium stalls',
    color: '#b45309',
    defaultPriceCents: 8_500,
    maxDistance: 18,
  },
  { code: 'STL', name: 'Stalls', color: '#be123c', defaultPriceCents: 6_000, maxDistance: 32 },
  { code: 'BAL', name: 'Balcony', color: '#4338ca', defaultPriceCents: 3_900 },
];

const stalls = [
  { code: 'SR', name: 'Stalls Right', from: 30, to: 70 },
  { code: 'SC', name: 'Stalls Centre', from: 70, to: 110 },
  { code: 'SL', name: 'Stalls Left', from: 110, to: 150 },
].map((s) =>
  buildSection({
    code: s.code,
    name: s.name,
    stage,
    tiers,
    accessibleRow: 17,
    rows: curvedSection({
      center: stage,
      startAngle: s.from,
      endAngle: s.to,
      firstRadius: 10,
      rowCount: 18,
      rowSpacing: 1.2,
      pitch: 1,
      aisle: 0.75,
      labels: 'letters',
    }),
  }),
);

const balcony = [
  { code: 'BR', name: 'Balcony Right', from: 25, to: 90 },
  { code: 'BL', name: 'Balcony Left', from: 90, to: 155 },
].map((s) =>
  buildSection({
    code: s.code,
    name: s.name,
    stage,
    tiers,
    rows: curvedSection({
      center: stage,
      startAngle: s.from,
      endAngle: s.to,
      firstRadius: 36,
      rowCount: 7,
      rowSpacing: 1.2,
      pitch: 1,
      aisle: 0.75,
      labels: 'letters',
    }),
  }),
);

export const teatroLumen: VenuePlan = {
  key: 'teatro-lumen',
  name: 'Teatro Lumen',
  city: 'Milan',
  address: 'Via della Lanterna 12, 20121 Milano',
  width: 120,
  height: 64,
  stage,
  tiers,
  sections: [...stalls, ...balcony],
};
