// ioredis clients with settings every Tessera process shares, and a readable startup check.
import { Redis } from 'ioredis';

export interface CreateRedisClientOptions {
  redisUrl: string;
  /** BullMQ needs `maxRetriesPerRequest: null` on its connections. */
  forBullmq?: boolean;
  /** Fail fast instead of queueing commands while disconnected (startup checks, tests). */
  lazyConnect?: boolean;
}

export const createRedisClient = ({
  redisUrl,
  forBullmq = false,
  lazyConnect = false,
}: CreateRedisClientOptions) =>
  new Redis(redisUrl, {
    lazyConnect,
    maxRetriesPerRequest: forBullmq ? null : 3,
    enableReadyCheck: true,
  });

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

/** Connects once without retrying and pings; throws an Error carrying the one-sentence reason. */
export const assertRedisReachable = async (redisUrl: string): Promise<void> => {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // ioredis rejects connect() with a generic "Connection is closed"; the socket error says why.
  let socketError: unknown;
  probe.on('error', (error) => (socketError ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new Error(describeRedisError(socketError ?? error, redisUrl));
  } finally {
    probe.disconnect();
  }
};
