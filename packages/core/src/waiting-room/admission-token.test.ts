// Admission tokens: only our signature over exactly these claims verifies.
import { describe, expect, it } from 'vitest';
import { signAdmissionToken, verifyAdmissionToken } from './admission-token.ts';

const SECRET = 'admission-token-test-secret-0123456789';
const claims = {
  userId: 'user-1',
  eventId: 'event-1',
  windowId: 'window-1',
  expiresAt: 1_900_000_000_000,
  jti: '42',
};

describe('admission tokens', () => {
  it('round-trips the claims in a compact url-safe string', () => {
    const token = signAdmissionToken(SECRET, claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyAdmissionToken(SECRET, token)).toEqual(claims);
  });

  it('refuses another secret, edited claims, a swapped signature and garbage', () => {
    const token = signAdmissionToken(SECRET, claims);
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...claims, userId: 'user-2' })).toString(
      'base64url',
    );
    const other = signAdmissionToken(SECRET, { ...claims, jti: '43' });
    for (const bad of [
      signAdmissionToken('another-secret-0123456789-0123456789', claims),
      `${forged}.${signature}`,
      `${payload}.${other.split('.')[1]}`,
      `${payload}.`,
      `${payload}.${signature}x`,
      'not-a-token',
      '',
    ]) {
      expect(verifyAdmissionToken(SECRET, bad)).toBeNull();
    }
  });
});
