// ioredis clients with settings every Tessera process shares, and a readable startup check.
// REDIS_URL `redis://…` gives a plain Redis; `redis-cluster://host:port[?nodes=host:port,…]` gives
// an ioredis Cluster seeded from those nodes (it discovers the rest itself).
import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** What a Tessera Redis connection is: one server or a cluster. */
export type RedisClient = Redis | Cluster;

export interface CreateRedisClientOptions {
  redisUrl: string;
  /** BullMQ needs `maxRetriesPerRequest: null` on its connections. */
  forBullmq?: boolean;
  /** Fail fast instead of queueing commands while disconnected (startup checks, tests). */
  lazyConnect?: boolean;
}

const CLUSTER_SCHEME = 'redis-cluster:';

export const isClusterUrl = (redisUrl: string): boolean =>
  redisUrl.startsWith(`${CLUSTER_SCHEME}//`);

/** The seed nodes and credentials of a `redis-cluster://` URL. */
export const parseClusterUrl = (redisUrl: string) => {
  const url = new URL(redisUrl);
  if (url.protocol !== CLUSTER_SCHEME) throw new Error(`Not a redis-cluster:// URL: ${redisUrl}`);
  const seeds = [url.host, ...(url.searchParams.get('nodes')?.split(',') ?? [])].filter(Boolean);
  const nodes = seeds.map((seed) => {
    const [host, port] = seed.split(':');
    return { host: host!, port: Number(port || 6379) };
  });
  if (nodes.length === 0) throw new Error(`redis-cluster:// URL names no node: ${redisUrl}`);
  const auth: Pick<RedisOptions, 'username' | 'password'> = {
    ...(url.username && { username: decodeURIComponent(url.username) }),
    ...(url.password && { password: decodeURIComponent(url.password) }),
  };
  return { nodes, auth };
};

/** True when the client is an ioredis Cluster (whatever its static type says). */
export const isCluster = (redis: RedisClient): redis is Cluster => redis.isCluster;

/** The servers that hold keys: a cluster's masters, or the one server. */
export const masterNodes = (redis: RedisClient): Redis[] =>
  isCluster(redis) ? redis.nodes('master') : [redis as Redis];

/**
 * A connection with the caller's own ioredis options, for a `redis://` or `redis-cluster://` URL
 * (a cluster applies them to every node, and `lazyConnect`/`enableOfflineQueue` to itself too).
 */
export const createRedisConnection = (
  redisUrl: string,
  options: RedisOptions,
  clusterRetry?: () => number | null,
): RedisClient => {
  if (!isClusterUrl(redisUrl)) return new Redis(redisUrl, options);
  const { nodes, auth } = parseClusterUrl(redisUrl);
  const { lazyConnect, enableOfflineQueue, ...redisOptions } = options;
  return new Cluster(nodes, {
    ...(lazyConnect !== undefined && { lazyConnect }),
    ...(enableOfflineQueue !== undefined && { enableOfflineQueue }),
    redisOptions: {
      ...redisOptions,
      ...auth,
      ...(enableOfflineQueue !== undefined && { enableOfflineQueue }),
    },
    ...(clusterRetry && { clusterRetryStrategy: clusterRetry }),
    // Hold scripts and reads go to each slot's master: the reads the domain makes must see its writes.
    scaleReads: 'master',
  });
};

/**
 * A client for REDIS_URL. Typed `Redis` so the domain's `Redis`-typed functions take it unchanged:
 * a Cluster answers every command they use through ioredis's common Commander API (each script's
 * keys share one hash tag). The few places that must differ (key scans) check `isCluster`.
 */
export const createRedisClient = ({
  redisUrl,
  forBullmq = false,
  lazyConnect = false,
}: CreateRedisClientOptions): Redis =>
  createRedisConnection(redisUrl, {
    lazyConnect,
    maxRetriesPerRequest: forBullmq ? null : 3,
    enableReadyCheck: true,
  }) as Redis;

/** One sentence saying why Redis could not be used and how to start it. */
export const describeRedisError = (error: unknown, redisUrl: string): string => {
  const code = (error as { code?: string }).code;
  let where = 'the configured address';
  try {
    const u = new URL(redisUrl);
    where = `${u.hostname}:${u.port || 6379}`;
  } catch {
    // keep the generic wording
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return `Cannot reach Redis at ${where} (REDIS_URL): start it, e.g. "redis-server --daemonize yes" or "docker compose up -d redis".`;
  }
  return `Redis at ${where} failed: ${(error as Error).message ?? String(error)}`;
};

const probe = async (client: RedisClient, redisUrl: string): Promise<void> => {
  // ioredis rejects connect() with a generic "Connection is closed"; the socket error says why.
  let socketError: unknown;
  client.on('error', (error) => (socketError ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(describeRedisError(socketError ?? error, redisUrl));
  } finally {
    client.disconnect();
  }
};

const NO_RETRY: RedisOptions = {
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
};

/** Connects once without retrying and pings; throws an Error carrying the one-sentence reason. */
export const assertRedisReachable = async (redisUrl: string): Promise<void> => {
  if (!isClusterUrl(redisUrl)) return probe(new Redis(redisUrl, NO_RETRY), redisUrl);
  // A Cluster client reports an unreachable node only as "None of startup nodes is available":
  // probe the seed nodes as plain servers first (one answering is enough), then the cluster.
  const { nodes, auth } = parseClusterUrl(redisUrl);
  let unreachable: unknown;
  for (const { host, port } of nodes) {
    try {
      await probe(new Redis({ ...NO_RETRY, ...auth, host, port }), `redis://${host}:${port}`);
      unreachable = undefined;
      break;
    } catch (error) {
      unreachable ??= error;
    }
  }
  if (unreachable) throw unreachable;
  await probe(
    createRedisConnection(redisUrl, NO_RETRY, () => null),
    redisUrl,
  );
};
