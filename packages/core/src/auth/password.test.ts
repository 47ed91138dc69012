import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummyHash, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('stores argon2id hashes with the OWASP parameters, salted per hash', async () => {
    const first = await hashPassword('correct horse 1');
    const second = await hashPassword('correct horse 1');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password only', async () => {
    const passwordHash = await hashPassword('correct horse 1');
    expect(await verifyPassword({ passwordHash, password: 'correct horse 1' })).toBe(true);
    expect(await verifyPassword({ passwordHash, password: 'correct horse 2' })).toBe(false);
  });

  it('treats an unreadable hash as a mismatch instead of throwing', async () => {
    expect(await verifyPassword({ passwordHash: 'not-a-hash', password: 'x' })).toBe(false);
    await expect(verifyAgainstDummyHash('anything')).resolves.toBeUndefined();
  });
});
