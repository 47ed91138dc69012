// Password hashing with argon2id (OWASP parameters), plus a dummy verification for unknown accounts.
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum, which isolatedModules forbids reading; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1. */
const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export interface VerifyPasswordOptions {
  passwordHash: string;
  password: string;
}

/** False for a wrong password or an unreadable hash (never throws on bad input). */
export const verifyPassword = async ({
  passwordHash,
  password,
}: VerifyPasswordOptions): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

// Computed once at start-up so even the first unknown-email login takes as long as a real one.
const dummyHash = hashPassword('tessera-dummy-password-0');
dummyHash.catch(() => {});

/**
 * Spends the same time as a real verification, so a login for an unknown email cannot be told
 * apart from a wrong password by timing.
 */
export const verifyAgainstDummyHash = async (password: string): Promise<void> => {
  await verifyPassword({ passwordHash: await dummyHash, password });
};
