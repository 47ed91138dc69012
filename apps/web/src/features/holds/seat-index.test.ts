import { describe, expect, it } from 'vitest';
import { layout, priceTiers } from './fixtures.test-data.ts';
import { buildSeatIndex, describeSeats, shortSeatName } from './seat-index.ts';

const index = buildSeatIndex({ layout, priceTiers, currency: 'EUR' });

describe('buildSeatIndex', () => {
  it('joins each seat with its row, section and tier', () => {
    expect(index.get(5)).toEqual({
      id: 5,
      sectionId: 2,
      sectionName: 'Balcony',
      rowId: 20,
      rowLabel: '26',
      seatLabel: '18',
      tierId: 8,
      tierName: 'Standard',
      priceCents: 4000,
      currency: 'EUR',
      x: 60,
      y: 80,
    });
  });
});

describe('shortSeatName', () => {
  it('reads lettered rows as F12 and numbered rows in words', () => {
    expect(shortSeatName({ rowLabel: 'F', seatLabel: '12' })).toBe('F12');
    expect(shortSeatName({ rowLabel: '26', seatLabel: '18' })).toBe('row 26 seat 18');
  });
});

describe('describeSeats', () => {
  it('names one seat with its section', () => {
    expect(describeSeats([1], index)).toBe('Seat F12 in Section 104');
  });

  it('groups several seats by section', () => {
    expect(describeSeats([1, 2, 5], index)).toBe(
      'Seats F12 and F13 in Section 104 and row 26 seat 18 in Balcony',
    );
  });

  it('counts seats it cannot find in the layout', () => {
    expect(describeSeats([999], index)).toBe('A seat');
    expect(describeSeats([1, 999], index)).toBe('Seats F12 in Section 104 and 1 more');
  });
});
