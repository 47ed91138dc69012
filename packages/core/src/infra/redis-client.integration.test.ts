// The shared client on the test Redis (TEST_REDIS_URL: one server, or the loopback cluster of
// `pnpm test:cluster`): scripts run on whichever node owns their keys, even after that node lost
// its script cache, and prefix cleanup reaches every master.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeysByPrefix } from './delete-keys.ts';
import { assertRedisReachable, createRedisClient, masterNodes } from './redis-client.ts';

const redisUrl = process.env.REDIS_URL!;
const redis = createRedisClient({ redisUrl });
const prefix = `test:infra:${randomUUID().slice(0, 8)}:`;
const masters = () => masterNodes(redis);
/** Keys under distinct hash tags, so on a cluster they spread over every master. */
const spreadKeys = Array.from({ length: 48 }, (_, i) => `${prefix}{k${i}}:n`);

afterAll(async () => {
  await deleteKeysByPrefix(redis, prefix);
  redis.disconnect();
});

const keysOnEveryMaster = async () =>
  Promise.all(
    masters().map(async (node) => {
      let count = 0;
      for await (const keys of node.scanStream({ match: `${prefix}*`, count: 500 })) {
        count += (keys as string[]).length;
      }
      return count;
    }),
  );

describe('Redis client on the test Redis', () => {
  it('runs a defined script on every node, also after the nodes flushed their script cache', async () => {
    redis.defineCommand('tesseraInfraTestIncr_v1', {
      numberOfKeys: 1,
      lua: "return redis.call('INCRBY', KEYS[1], ARGV[1])",
    });
    const incr = (key: string, by: number) =>
      (redis as unknown as Record<string, (k: string, b: number) => Promise<number>>)
        .tesseraInfraTestIncr_v1!(key, by);

    expect(await Promise.all(spreadKeys.map((key) => incr(key, 2)))).toEqual(
      spreadKeys.map(() => 2),
    );
    // A restarted node forgets its scripts: EVALSHA answers NOSCRIPT and the client falls back.
    await Promise.all(masters().map((node) => node.script('FLUSH')));
    expect(await Promise.all(spreadKeys.map((key) => incr(key, 3)))).toEqual(
      spreadKeys.map(() => 5),
    );
    // Every master holds some of the keys (one server: all of them).
    const perMaster = await keysOnEveryMaster();
    expect(perMaster.every((count) => count > 0)).toBe(true);
    expect(perMaster.reduce((a, b) => a + b, 0)).toBe(spreadKeys.length);
  });

  it('deletes every key under a prefix on every master, and nothing else', async () => {
    const otherPrefix = `test:infra:${randomUUID().slice(0, 8)}:`;
    await Promise.all(spreadKeys.map((key) => redis.set(key, '1')));
    await redis.set(`${otherPrefix}{keep}`, '1');

    expect(await deleteKeysByPrefix(redis, prefix)).toBe(spreadKeys.length);
    expect(await keysOnEveryMaster()).toEqual(masters().map(() => 0));
    expect(await redis.get(`${otherPrefix}{keep}`)).toBe('1');
    await redis.del(`${otherPrefix}{keep}`);
  });

  it('startup check: passes on the test Redis and names an unreachable node in one sentence', async () => {
    await expect(assertRedisReachable(redisUrl)).resolves.toBeUndefined();
    for (const url of ['redis://127.0.0.1:1/0', 'redis-cluster://127.0.0.1:1']) {
      await expect(assertRedisReachable(url)).rejects.toThrow(
        /^Cannot reach Redis at 127\.0\.0\.1:1 \(REDIS_URL\): start it/,
      );
    }
  });
});
