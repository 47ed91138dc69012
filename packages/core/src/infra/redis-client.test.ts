// REDIS_URL parsing: which URLs give a Cluster, and which seed nodes and credentials it gets.
import { Cluster, Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedisClient, isCluster, parseClusterUrl } from './redis-client.ts';

describe('createRedisClient', () => {
  it('gives an ioredis Cluster for redis-cluster:// and a plain Redis for redis://', () => {
    const cluster = createRedisClient({
      redisUrl: 'redis-cluster://127.0.0.1:7101',
      lazyConnect: true,
    });
    const single = createRedisClient({ redisUrl: 'redis://127.0.0.1:6379/1', lazyConnect: true });
    expect(cluster).toBeInstanceOf(Cluster);
    expect(isCluster(cluster)).toBe(true);
    expect(single).toBeInstanceOf(Redis);
    expect(isCluster(single)).toBe(false);
    cluster.disconnect();
    single.disconnect();
  });
});

describe('parseClusterUrl', () => {
  it('reads the seed node, the extra `nodes`, and the credentials', () => {
    const seeds = ['10.0.0.1:7001', '10.0.0.2:7002', '10.0.0.3:7003'];
    const parsed = parseClusterUrl(
      `redis-cluster://ops:s%40cret@${seeds[0]}?nodes=${seeds.slice(1).join(',')}`,
    );
    expect(parsed.nodes.map(({ host, port }) => `${host}:${port}`)).toEqual(seeds);
    expect(parsed.auth).toEqual({ username: 'ops', password: 's@cret' });
  });

  it('defaults the port to 6379 and refuses other schemes', () => {
    expect(parseClusterUrl('redis-cluster://cache.internal').nodes).toEqual([
      { host: 'cache.internal', port: 6379 },
    ]);
    expect(() => parseClusterUrl('redis://127.0.0.1:6379')).toThrow(/redis-cluster:\/\//);
  });
});
