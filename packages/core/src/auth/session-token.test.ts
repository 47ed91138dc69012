import { describe, expect, it } from 'vitest';
import {
  generateSessionToken,
  isWellFormedSessionToken,
  sameDigest,
  sessionIdFromToken,
} from './session-token.ts';

describe('session tokens', () => {
  it('are 20 random bytes in lowercase base32 (32 characters), never repeated', () => {
    const tokens = Array.from({ length: 200 }, generateSessionToken);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('map to the SHA-256 hex digest as the stored session id', () => {
    // Published SHA-256 test vector for "abc".
    expect(sessionIdFromToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('reject malformed cookies before any lookup', () => {
    expect(isWellFormedSessionToken(generateSessionToken())).toBe(true);
    expect(isWellFormedSessionToken('')).toBe(false);
    expect(isWellFormedSessionToken('A'.repeat(32))).toBe(false);
    expect(isWellFormedSessionToken(`${generateSessionToken()}x`)).toBe(false);
  });

  it('compare digests exactly', () => {
    const id = sessionIdFromToken('abc');
    expect(sameDigest(id, id)).toBe(true);
    expect(sameDigest(id, sessionIdFromToken('abd'))).toBe(false);
    expect(sameDigest(id, id.slice(2))).toBe(false);
  });
});
