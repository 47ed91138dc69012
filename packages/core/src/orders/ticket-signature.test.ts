// Signed ticket ids: the signature verifies with the secret, and any change to id, signature or
// secret makes verification fail.
import { describe, expect, it } from 'vitest';
import { signTicketId, verifySignedTicketId } from './ticket-signature.ts';

const secret = 'test-secret-test-secret-test-secret';
const ticketId = '0b6f7c1e-2f59-4d0e-9a8e-3c1d2b4a5f60';

describe('ticket signatures', () => {
  it('verifies its own signature and refuses tampering', () => {
    const signedId = signTicketId({ ticketId, secret });
    expect(signedId.startsWith(`${ticketId}.`)).toBe(true);
    expect(verifySignedTicketId({ signedId, secret })).toBe(ticketId);
    const otherId = ticketId.replace('0b6f', '0b70');
    expect(verifySignedTicketId({ signedId: signedId.replace(ticketId, otherId), secret })).toBe(
      null,
    );
    expect(verifySignedTicketId({ signedId: `${signedId.slice(0, -1)}A`, secret })).toBe(null);
    expect(verifySignedTicketId({ signedId, secret: `${secret}x` })).toBe(null);
    expect(verifySignedTicketId({ signedId: 'no-dot', secret })).toBe(null);
  });
});
