// A tiny hand-made layout shared by the hold unit tests: two sections, lettered and numbered rows.
import type { EventDetail } from '@tessera/contracts/catalog';

export const layout: EventDetail['layout'] = {
  version: 1,
  width: 100,
  height: 100,
  stage: { x: 50, y: 5 },
  sections: [
    { id: 1, code: '104', name: 'Section 104' },
    { id: 2, code: 'BAL', name: 'Balcony' },
  ],
  rows: [
    { id: 10, sectionId: 1, label: 'F' },
    { id: 11, sectionId: 1, label: 'G' },
    { id: 20, sectionId: 2, label: '26' },
  ],
  seats: [
    { id: 1, rowId: 10, label: '12', x: 10, y: 10, tierId: 7, accessible: false },
    { id: 2, rowId: 10, label: '13', x: 20, y: 10, tierId: 7, accessible: false },
    { id: 3, rowId: 11, label: '1', x: 12, y: 20, tierId: 7, accessible: false },
    { id: 4, rowId: 11, label: '2', x: 24, y: 20, tierId: 7, accessible: false },
    { id: 5, rowId: 20, label: '18', x: 60, y: 80, tierId: 8, accessible: false },
    { id: 6, rowId: 20, label: '19', x: 70, y: 80, tierId: 8, accessible: false },
  ],
};

export const priceTiers: EventDetail['priceTiers'] = [
  { id: 7, code: 'GOLD', name: 'Gold', color: '#f59e0b', priceCents: 8500, currency: 'EUR' },
  { id: 8, code: 'STD', name: 'Standard', color: '#3b82f6', priceCents: 4000, currency: 'EUR' },
];
