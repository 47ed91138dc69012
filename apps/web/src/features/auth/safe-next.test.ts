import { describe, expect, it } from 'vitest';
import { safeNext, withNext } from './safe-next.ts';

describe('safeNext', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNext('/events/abc?x=1')).toBe('/events/abc?x=1');
  });

  it('refuses other origins and protocol-relative URLs', () => {
    expect(safeNext('https://evil.example')).toBe('/events');
    expect(safeNext('//evil.example')).toBe('/events');
    expect(safeNext('/\\evil.example')).toBe('/events');
    expect(safeNext(null)).toBe('/events');
  });

  it('never loops back to the auth pages', () => {
    expect(safeNext('/login?next=/x')).toBe('/events');
  });
});

describe('withNext', () => {
  it('encodes the current location', () => {
    expect(withNext('/login', '/events?q=jazz night')).toBe(
      '/login?next=%2Fevents%3Fq%3Djazz%20night',
    );
    expect(withNext('/register', '/events')).toBe('/register');
  });
});
