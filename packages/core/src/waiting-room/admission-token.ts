// Admission tokens: compact `<base64url JSON claims>.<base64url HMAC-SHA256>` strings. The API
// verifies the signature in Node (no Redis, no Postgres); the hold scripts then check the claims
// against the event's gate, the user, Redis time and the consumed set.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ZAdmissionClaims, type AdmissionClaims } from '@tessera/contracts/waiting-room';

const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`tessera-admission.${payload}`).digest();

export const signAdmissionToken = (secret: string, claims: AdmissionClaims): string => {
  const payload = Buffer.from(JSON.stringify(ZAdmissionClaims.parse(claims))).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
};

/**
 * The token's claims when its signature is ours, else null. Expiry, user, event, window and
 * consumption are deliberately not judged here: the hold script judges them by Redis state and time.
 */
export const verifyAdmissionToken = (secret: string, token: string): AdmissionClaims | null => {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 1024) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = ZAdmissionClaims.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
