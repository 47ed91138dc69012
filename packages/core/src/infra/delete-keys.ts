// Finds or deletes keys by pattern, on one Redis or on each master of a cluster (SCAN and KEYS only
// see the keys of the node they run on). For tests and benchmarks that inspect or clean up.
import type { Redis } from 'ioredis';
import { masterNodes, type RedisClient } from './redis-client.ts';

const deleteOnNode = async (node: Redis, prefix: string): Promise<number> => {
  let deleted = 0;
  for await (const keys of node.scanStream({ match: `${prefix}*`, count: 500 })) {
    if ((keys as string[]).length === 0) continue;
    // One key per DEL: a cluster node refuses a multi-key DEL whose keys span slots.
    const pipeline = node.pipeline();
    for (const key of keys as string[]) pipeline.del(key);
    for (const [error, count] of (await pipeline.exec()) ?? []) {
      if (error) throw error;
      deleted += count as number;
    }
  }
  return deleted;
};

/** Removes every key that starts with `prefix`; returns how many were deleted. */
export const deleteKeysByPrefix = async (redis: RedisClient, prefix: string): Promise<number> => {
  const counts = await Promise.all(masterNodes(redis).map((node) => deleteOnNode(node, prefix)));
  return counts.reduce((a, b) => a + b, 0);
};

/** Every key matching a glob `pattern` (SCAN on each master), sorted. */
export const findKeys = async (redis: RedisClient, pattern: string): Promise<string[]> => {
  const found: string[] = [];
  for (const node of masterNodes(redis)) {
    for await (const keys of node.scanStream({ match: pattern, count: 500 })) {
      found.push(...(keys as string[]));
    }
  }
  return [...new Set(found)].sort();
};
