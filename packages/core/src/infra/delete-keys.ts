// Deletes every key under a prefix, on one Redis or on each master of a cluster (a SCAN only sees
// the keys of the node it runs on). For tests and benchmarks that clean up after themselves.
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
