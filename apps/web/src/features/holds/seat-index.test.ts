import { describe, expect, it } from 'vitest';
import { layout, priceTiers } from './fixtures.test-data.ts';
import { buildSeatIndex, describeSeats } from './seat-index.ts';

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

describe('describeSeats', () => {
  it('names one seat with its section', () => {
    expect(describeSeats([1], index)).toBe('Seat F12 in Section 104');
  });

  it('names seats of numbered rows in words', () => {
    expect(describeSeats([5], index)).toBe('Row 26 seat 18 in Balcony');
    expect(describeSeats([5, 6], index)).toBe('Row 26 seats 18 and 19 in Balcony');
  });

  it('groups several seats by section and row', () => {
    expect(describeSeats([1, 2, 3, 5], index)).toBe(
      'Seats F12, F13 and G1 in Section 104 and row 26 seat 18 in Balcony',
    );
  });

  it('can continue a sentence', () => {
    expect(describeSeats([1], index, { sentenceStart: false })).toBe('seat F12 in Section 104');
  });

  it('counts seats it cannot find in the layout', () => {
    expect(describeSeats([999], index)).toBe('A seat');
    expect(describeSeats([1, 999], index)).toBe('Seats F12 in Section 104 and 1 more');
  });
});
