import { describe, expect, it } from 'vitest';
import { readBackTo } from './back-state.ts';

describe('readBackTo', () => {
  it('returns to the filtered list the fan came from', () => {
    expect(readBackTo({ backTo: '/events?city=Lyon' })).toBe('/events?city=Lyon');
  });

  it('falls back to the full list for missing or foreign state', () => {
    expect(readBackTo(null)).toBe('/events');
    expect(readBackTo({ backTo: 'https://elsewhere.example/' })).toBe('/events');
    expect(readBackTo({ backTo: '/login' })).toBe('/events');
  });
});
