import { describe, expect, it } from 'vitest';
import { formatEventDate, formatPrice } from './format.ts';

// Intl output uses non-breaking spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatPrice', () => {
  it('drops the cents of whole amounts', () => {
    expect(plain(formatPrice(4500, 'EUR', { locale: 'en-IE' }))).toBe('€45');
  });

  it('keeps two decimals otherwise', () => {
    expect(plain(formatPrice(1950, 'EUR', { locale: 'en-IE' }))).toBe('€19.50');
    expect(plain(formatPrice(1950, 'EUR', { locale: 'fr-FR' }))).toBe('19,50 €');
  });
});

describe('formatEventDate', () => {
  it('formats in the given locale and time zone', () => {
    const text = formatEventDate('2026-12-31T19:30:00Z', { locale: 'en-GB', timeZone: 'UTC' });
    expect(text).toContain('31 Dec 2026');
    expect(text).toContain('19:30');
  });
});
