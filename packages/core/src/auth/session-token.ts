// Session tokens per the Lucia guide: 160+ random bits; only their SHA-256 is ever stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_PATTERN = /^[a-z2-7]{32}$/;
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

const encodeBase32LowerNoPadding = (bytes: Uint8Array): string => {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
};

/** 20 random bytes as 32 lowercase base32 characters (cookie-safe, case-insensitive). */
export const generateSessionToken = (): string => encodeBase32LowerNoPadding(randomBytes(20));

/** Cheap shape check so garbage cookies never reach Redis or Postgres. */
export const isWellFormedSessionToken = (token: string): boolean => TOKEN_PATTERN.test(token);

/** The session id: hex SHA-256 of the token, so a leaked sessions table yields no usable cookie. */
export const sessionIdFromToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** Constant-time equality for two hex digests. */
export const sameDigest = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
