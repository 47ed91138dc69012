// The catalog cache's rules against a real Redis: a filler that raced an invalidation cannot put
// its older value back; entries written under an older generation are never served; a lost
// generation (Redis restarted) starts fresh; a loader's short lifetime is honoured.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deleteKeysByPrefix } from '../infra/delete-keys.ts';
import { createRedisClient } from '../infra/redis-client.ts';
import { catalogCacheTotals } from './cache-counters.ts';
import { createCatalogCache, type CatalogCache } from './catalog-cache.ts';

const redisUrl = process.env.REDIS_URL!;
const prefix = `test:${randomUUID()}:`;
let replicaA: CatalogCache;
let replicaB: CatalogCache;
const admin = createRedisClient({ redisUrl });

const open = async () => {
  const cache = createCatalogCache({ redisUrl, prefix, ttlMs: 60_000, commandTimeoutMs: 500 });
  await cache.connect();
  return cache;
};

beforeAll(async () => {
  replicaA = await open();
  replicaB = await open();
});

afterAll(async () => {
  await deleteKeysByPrefix(admin, prefix);
  await Promise.all([replicaA.close(), replicaB.close(), admin.quit()]);
});

it('refuses to store a value read before an invalidation that landed meanwhile', async () => {
  const refusedBefore = catalogCacheTotals.staleFillsRefused;
  // Replica A reads Postgres (old title) while an admin write commits and replica B invalidates.
  const stale = await replicaA.read('event:race', async () => {
    await replicaB.invalidate('admin edit');
    return { value: 'old title' };
  });
  expect(stale).toBe('old title');
  expect(catalogCacheTotals.staleFillsRefused).toBe(refusedBefore + 1);
  // The next reader anywhere misses and reads the new value.
  const fresh = await replicaB.read('event:race', async () => ({ value: 'new title' }));
  expect(fresh).toBe('new title');
  await expect(replicaA.read('event:race', async () => ({ value: 'unused' }))).resolves.toBe(
    'new title',
  );
});

it('never serves an entry written under an older generation', async () => {
  await replicaA.read('list:gen', async () => ({ value: ['first'] }));
  await replicaB.invalidate('publish');
  await expect(replicaA.read('list:gen', async () => ({ value: ['second'] }))).resolves.toEqual([
    'second',
  ]);
});

it('starts a new generation when Redis lost it, so old entries are not revived', async () => {
  await replicaA.read('event:lost', async () => ({ value: 'before restart' }));
  await admin.del(`${prefix}{catalog}:generation`);
  await expect(replicaB.read('event:lost', async () => ({ value: 'after restart' }))).resolves.toBe(
    'after restart',
  );
});

it('keeps an entry no longer than its loader says, and not at all for 0', async () => {
  await replicaA.read('event:short', async () => ({ value: 'v1', ttlMs: 0 }));
  await expect(replicaA.read('event:short', async () => ({ value: 'v2' }))).resolves.toBe('v2');
  await replicaA.read('event:brief', async () => ({ value: 'v1', ttlMs: 5_000 }));
  const ttl = await admin.pttl(`${prefix}{catalog}:event:brief`);
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(5_000);
});

it('shares one Postgres read between concurrent misses in one process', async () => {
  let loads = 0;
  const load = async () => {
    loads += 1;
    // Queued behind the other readers' cache reads on the same connection: they have all missed.
    await replicaA.connection.ping();
    return { value: 'shared' };
  };
  const values = await Promise.all([1, 2, 3, 4].map(() => replicaA.read('event:herd', load)));
  expect(values).toEqual(['shared', 'shared', 'shared', 'shared']);
  expect(loads).toBe(1);
});
