// Session lifecycle against real Postgres and Redis: hashing at rest, sliding expiry, invalidation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@tessera/db/client';
import { createRedisClient } from '../infra/redis-client.ts';
import { sessionIdFromToken } from './session-token.ts';
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from './sessions.service.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL! });
const redis = createRedisClient({ redisUrl: process.env.REDIS_URL! });
const redisPrefix = `test:${randomUUID()}:`;
const deps = { prisma, redis, redisPrefix };
const DAY = 24 * 60 * 60 * 1000;
let userId = '';

beforeAll(async () => {
  const user = await prisma.user.create({
    data: {
      email: `sessions-${randomUUID()}@example.com`,
      name: 'Session Tester',
      passwordHash: 'unused',
    },
  });
  userId = user.id;
});

afterAll(async () => {
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([prisma.$disconnect(), redis.quit()]);
});

describe('sessions', () => {
  it('stores only the SHA-256 of the token and validates it back to the user', async () => {
    const { token } = await createSession({ ...deps, userId });
    const row = await prisma.session.findUnique({ where: { id: sessionIdFromToken(token) } });
    expect(row?.userId).toBe(userId);
    expect(await prisma.session.count({ where: { id: token } })).toBe(0);
    const session = await validateSessionToken({ ...deps, token });
    expect(session).toMatchObject({ userId, renewed: false, user: { id: userId, role: 'FAN' } });
  });

  it('extends a session once less than half of its lifetime remains', async () => {
    const created = new Date(Date.now() - 20 * DAY);
    const { token, expiresAt } = await createSession({ ...deps, userId, now: created });
    const now = new Date();
    const session = await validateSessionToken({ ...deps, token, now });
    expect(session?.renewed).toBe(true);
    expect(session?.expiresAt.getTime()).toBe(now.getTime() + SESSION_LIFETIME_MS);
    const row = await prisma.session.findUniqueOrThrow({
      where: { id: sessionIdFromToken(token) },
    });
    expect(row.expiresAt.getTime()).toBeGreaterThan(expiresAt.getTime());
    expect((await validateSessionToken({ ...deps, token, now }))?.renewed).toBe(false);
  });

  it('rejects and deletes an expired session', async () => {
    const { token } = await createSession({
      ...deps,
      userId,
      now: new Date(Date.now() - 31 * DAY),
    });
    expect(await validateSessionToken({ ...deps, token })).toBeNull();
    expect(await prisma.session.count({ where: { id: sessionIdFromToken(token) } })).toBe(0);
  });

  it('forgets a session at once on logout, even while it is cached', async () => {
    const { token, sessionId } = await createSession({ ...deps, userId });
    expect(await validateSessionToken({ ...deps, token })).not.toBeNull();
    await invalidateSession({ ...deps, sessionId });
    expect(await validateSessionToken({ ...deps, token })).toBeNull();
  });

  it('signs a user out everywhere', async () => {
    const first = await createSession({ ...deps, userId });
    const second = await createSession({ ...deps, userId });
    await validateSessionToken({ ...deps, token: first.token });
    await invalidateUserSessions({ ...deps, userId });
    expect(await validateSessionToken({ ...deps, token: first.token })).toBeNull();
    expect(await validateSessionToken({ ...deps, token: second.token })).toBeNull();
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
  });

  it('never caches a session that a sign-out deleted while it was being validated', async () => {
    const { token, sessionId } = await createSession({ ...deps, userId });
    // A validation that read the row and is about to write the cache when the sign-out runs:
    // its Redis SET is held until the sign-out (row deleted, cache entry dropped) is done.
    let reachedSet = () => {};
    const atSet = new Promise<void>((resolve) => (reachedSet = resolve));
    let releaseSet = () => {};
    const setReleased = new Promise<void>((resolve) => (releaseSet = resolve));
    const heldRedis = new Proxy(redis, {
      get(target, property, receiver) {
        if (property !== 'set') return Reflect.get(target, property, receiver) as unknown;
        return async (...args: Parameters<typeof redis.set>) => {
          reachedSet();
          await setReleased;
          return target.set(...args);
        };
      },
    });
    const validating = validateSessionToken({ ...deps, redis: heldRedis, token });
    await atSet;
    await invalidateUserSessions({ ...deps, userId });
    releaseSet();

    expect(await validating).toBeNull();
    expect(await redis.exists(`${redisPrefix}session:${sessionId}`)).toBe(0);
    expect(await validateSessionToken({ ...deps, token })).toBeNull();
  });
});
