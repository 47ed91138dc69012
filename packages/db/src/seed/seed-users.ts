// The demo accounts. Passwords are hashed with argon2id, as the API verifies them; an existing
// account keeps its hash when the demo password still verifies (re-runs stay fast and stable).
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { PrismaClient } from '../client.ts';
import { UserRole } from '../generated/prisma/enums.ts';
import { seedUuid } from './seed-ids.ts';

// Same parameters as the API's hashing (packages/core/src/auth/password.ts): argon2id, OWASP
// m=19 MiB, t=2, p=1. `Algorithm` is an ambient const enum that isolatedModules cannot read; 2 is
// Argon2id.
const ARGON2_OPTIONS: Options = {
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const DEMO_USERS = [
  {
    email: 'admin@tessera.dev',
    password: 'Admin-pass-2026',
    name: 'Ada Admin',
    role: UserRole.ADMIN,
  },
  { email: 'fan@tessera.dev', password: 'Fan-pass-2026', name: 'Fran Fan', role: UserRole.FAN },
] as const;

const passwordHashFor = async (password: string, existing: string | undefined) => {
  if (existing && (await verify(existing, password).catch(() => false))) return existing;
  return hash(password, ARGON2_OPTIONS);
};

export const seedUsers = async ({ prisma }: { prisma: PrismaClient }) => {
  for (const user of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { email: user.email } });
    const passwordHash = await passwordHashFor(user.password, existing?.passwordHash);
    const fields = { name: user.name, role: user.role, passwordHash };
    const unchanged =
      existing?.name === fields.name &&
      existing.role === fields.role &&
      existing.passwordHash === passwordHash;
    if (unchanged) continue;
    await prisma.user.upsert({
      where: { email: user.email },
      create: { id: seedUuid(`user:${user.email}`), email: user.email, ...fields },
      update: fields,
    });
  }
  return DEMO_USERS.length;
};
