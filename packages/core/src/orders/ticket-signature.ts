// Signed ticket ids for QR codes: `<orderSeatId>.<base64url HMAC-SHA256>`; the gate verifies
// the signature without a database, and a tampered id or signature fails.
import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (ticketId: string, secret: string) =>
  createHmac('sha256', secret).update(`ticket:${ticketId}`).digest('base64url');

export const signTicketId = ({ ticketId, secret }: { ticketId: string; secret: string }) =>
  `${ticketId}.${sign(ticketId, secret)}`;

/** The ticket id when the signature is valid, otherwise null. */
export const verifySignedTicketId = ({
  signedId,
  secret,
}: {
  signedId: string;
  secret: string;
}): string | null => {
  const dot = signedId.lastIndexOf('.');
  if (dot <= 0) return null;
  const ticketId = signedId.slice(0, dot);
  const given = Buffer.from(signedId.slice(dot + 1));
  const expected = Buffer.from(sign(ticketId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? ticketId : null;
};
