// Short seat names used in conflict messages ("Seat F12 was just taken").
import { expect, it } from 'vitest';
import { shortSeatLabel } from './venue-seats-cache.ts';

it('names seats the way fans read them', () => {
  expect(shortSeatLabel('F', '12')).toBe('F12');
  expect(shortSeatLabel('A', 'A1')).toBe('A1');
  expect(shortSeatLabel('3', '7')).toBe('3-7');
});
