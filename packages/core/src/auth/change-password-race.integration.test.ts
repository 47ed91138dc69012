// A login that verified the OLD password must not leave a session behind a password change, however
// the two interleave (real Postgres and Redis, real argon2, real concurrency).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@tessera/db/client';
import { isAppError } from '../errors/app-error.ts';
import { createRedisClient } from '../infra/redis-client.ts';
import { changePassword } from './change-password.ts';
import { createLoginRateLimiter } from './login-rate-limiter.ts';
import { loginUser } from './login-user.ts';
import { hashPassword } from './password.ts';
import { createSession, validateSessionToken } from './sessions.service.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 12 });
const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
const redisPrefix = `test:${randomUUID()}:`;
const deps = { prisma, redis, redisPrefix };
// Failed sign-ins are not what this test is about: budgets far above anything it spends.
const loginRateLimiter = createLoginRateLimiter({
  redis,
  redisPrefix,
  maxFailuresPerAccount: 100_000,
  maxFailuresPerIp: 100_000,
  windowSeconds: 60,
});
const OLD_PASSWORD = 'old-password-1';
const NEW_PASSWORD = 'new-password-2';

afterAll(async () => {
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([prisma.$disconnect(), redis.quit()]);
});

let user: { id: string; email: string };
let keptToken = '';
let keptSessionId = '';

beforeAll(async () => {
  const email = `race-${randomUUID()}@example.com`;
  user = await prisma.user.create({
    data: { email, name: 'Race', passwordHash: await hashPassword(OLD_PASSWORD) },
    select: { id: true, email: true },
  });
});

const newUserSession = async () => {
  const created = await createSession({ ...deps, userId: user.id });
  keptToken = created.token;
  keptSessionId = created.sessionId;
};

const sessionIdsOfUser = async () =>
  (await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } }))
    .map((s) => s.id)
    .sort();

const changeTo = (currentPassword: string, newPassword: string) =>
  changePassword({
    ...deps,
    loginRateLimiter,
    userId: user.id,
    keepSessionId: keptSessionId,
    currentPassword,
    newPassword,
    ip: '127.0.0.1',
  });

describe('login racing auth.changePassword', () => {
  it('no login with the old password keeps a session once the change is done', async () => {
    await newUserSession();
    const WORKERS = 8;
    let changeDone = false;
    const tokens: string[] = [];
    const refusals: string[] = [];
    // Workers sign in with the old password back to back, from before the change starts until
    // after it ended, so logins read the old hash on both sides of the change's commit.
    const attempt = async () => {
      try {
        const { session } = await loginUser({
          ...deps,
          loginRateLimiter,
          email: user.email,
          password: OLD_PASSWORD,
          ip: '127.0.0.1',
        });
        tokens.push(session.token);
      } catch (error) {
        if (!isAppError(error)) throw error;
        refusals.push(error.code);
      }
    };
    const worker = async () => {
      await attempt();
      while (!changeDone) await attempt();
      await attempt();
    };
    const workers = Array.from({ length: WORKERS }, worker);
    await changeTo(OLD_PASSWORD, NEW_PASSWORD).finally(() => {
      changeDone = true;
    });
    await Promise.all(workers);

    expect(tokens.length + refusals.length).toBeGreaterThanOrEqual(WORKERS * 2);
    // Only the session that made the change is left; every token a login handed out is dead.
    expect(await sessionIdsOfUser()).toEqual([keptSessionId]);
    for (const token of tokens) expect(await validateSessionToken({ ...deps, token })).toBeNull();
    expect(await validateSessionToken({ ...deps, token: keptToken })).not.toBeNull();
    // Every login after the change was refused (at least each worker's last), as a wrong password.
    expect(refusals.length).toBeGreaterThanOrEqual(WORKERS);
    expect([...new Set(refusals)]).toEqual(['INVALID_CREDENTIALS']);
  });

  it('a login whose insert meets a change in flight waits for it and is refused', async () => {
    const sessionsBefore = await sessionIdsOfUser();
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const newHash = await hashPassword('another-password-3');
    let releaseChange = () => {};
    const changeHeld = new Promise<void>((resolve) => (releaseChange = resolve));
    let rowLocked = () => {};
    const locked = new Promise<void>((resolve) => (rowLocked = resolve));
    // A change that has updated the user row but not committed yet (what changePassword's
    // transaction looks like between its UPDATE and its commit).
    const change = prisma.$transaction(
      async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { passwordHash: newHash } });
        rowLocked();
        await changeHeld;
      },
      { timeout: 20_000 },
    );
    await locked;
    // The login verified the old hash; its insert now has to wait for the change.
    const login = createSession({
      ...deps,
      userId: user.id,
      verifiedPasswordHash: before.passwordHash,
    });
    const blockedPid = await waitForLockWaiter();
    expect(blockedPid).toBeGreaterThan(0);
    releaseChange();
    await change;
    expect(await login).toBeNull();
    expect(await sessionIdsOfUser()).toEqual(sessionsBefore);
  });
});

/** The pid of a backend waiting on a row lock of `users` (polls pg_locks: no sleeping guess). */
const waitForLockWaiter = async () => {
  for (;;) {
    const rows = await prisma.$queryRaw<{ pid: number }[]>`
      SELECT l.pid FROM pg_locks l
      WHERE NOT l.granted AND l.locktype IN ('transactionid', 'tuple')
        AND l.pid IN (SELECT pid FROM pg_stat_activity
                      WHERE datname = current_database() AND query LIKE '%INSERT INTO sessions%')`;
    if (rows.length > 0) return rows[0]!.pid;
    await new Promise((resolve) => setImmediate(resolve));
  }
};
