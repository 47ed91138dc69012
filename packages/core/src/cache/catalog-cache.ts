// The catalog's Redis cache, shared by every API replica. Generational entries (event lists, event
// pages, venue summaries) carry the catalog generation they were read under; an admin write bumps
// the generation after its commit, so the next read anywhere misses and reads Postgres. Entries
// keyed by something immutable (a venue layout at one version) need no generation. Redis trouble
// never fails a read: the cache has its own connection with a short timeout and no offline queue,
// and after an error it stays out of the way for a cool-down (a small circuit breaker).
import { readFileSync } from 'node:fs';
import { createRedisConnection } from '../infra/redis-client.ts';
import { catalogCacheTotals, type CatalogCacheOutcome } from './cache-counters.ts';

export interface CacheLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface CreateCatalogCacheOptions {
  redisUrl: string;
  /** Key prefix (REDIS_PREFIX); every key also carries the {catalog} hash tag for Redis Cluster. */
  prefix: string;
  /** Upper bound on any entry's life, in case an invalidation was lost while Redis was away. */
  ttlMs: number;
  /** A command slower than this counts as an outage (ms). */
  commandTimeoutMs: number;
  /** How long the cache is skipped after an error before Redis is tried again (ms). */
  coolDownMs?: number;
  log?: CacheLog;
}

/** What a loader read from Postgres: the payload to cache and how long it stays true. */
export interface Loaded<T> {
  value: T;
  /** Shorter than the cache's ttlMs when the data changes with the clock; 0: do not cache. */
  ttlMs?: number;
}

type ScriptCall = (...keysThenArgs: Array<string | number>) => Promise<unknown>;
interface CacheCommands {
  tesseraCatalogRead_v1: ScriptCall;
  tesseraCatalogFill_v1: ScriptCall;
}

const LUA_DIR = new URL('./lua/', import.meta.url);
const SCRIPTS = {
  tesseraCatalogRead_v1: 'read-generational-2.lua',
  tesseraCatalogFill_v1: 'fill-generational-2.lua',
} as const;

const silentLog: CacheLog = { warn() {}, error() {} };

const count = (outcome: CatalogCacheOutcome) => {
  catalogCacheTotals[outcome] += 1;
};

export const createCatalogCache = ({
  redisUrl,
  prefix,
  ttlMs,
  commandTimeoutMs,
  coolDownMs = 1000,
  log = silentLog,
}: CreateCatalogCacheOptions) => {
  // redis-cluster:// URLs give a Cluster (every key carries the {catalog} tag: one slot).
  const redis = createRedisConnection(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Connection errors surface as failed commands below; the 'error' event only needs a listener.
  redis.on('error', () => {});
  for (const [name, file] of Object.entries(SCRIPTS)) {
    redis.defineCommand(name, {
      lua: readFileSync(new URL(file, LUA_DIR), 'utf8'),
      numberOfKeys: 2,
    });
  }
  const commands = redis as unknown as CacheCommands;
  const generationKey = `${prefix}{catalog}:generation`;
  const entryKey = (key: string) => `${prefix}{catalog}:${key}`;

  const inflight = new Map<string, Promise<unknown>>();
  let skipUntil = 0;
  const available = () => Date.now() >= skipUntil;
  const tripped = (error: unknown, during: string) => {
    const first = available();
    skipUntil = Date.now() + coolDownMs;
    // One line per trip, not per request: the outage counter carries the volume.
    if (first) log.warn({ err: error, during }, 'catalog cache unavailable; reading Postgres');
  };

  const ttlOf = (loaded: Loaded<unknown>) => Math.min(loaded.ttlMs ?? ttlMs, ttlMs);

  /** Reads Postgres when Redis is unusable; counts why. */
  const loadWithoutCache = async <T>(load: () => Promise<Loaded<T> | null>, outcome: 'outage') => {
    count(outcome);
    return (await load())?.value ?? null;
  };

  return {
    /**
     * The cached value under `key` if it was written under the current generation, else `load()`
     * from Postgres, stored unless an invalidation happened meanwhile. `null` from the loader
     * (nothing there) is returned and not cached.
     */
    async read<T>(key: string, load: () => Promise<Loaded<T> | null>): Promise<T | null> {
      if (!available()) return loadWithoutCache(load, 'outage');
      let generation: string;
      try {
        const [current, entry] = (await commands.tesseraCatalogRead_v1(
          generationKey,
          entryKey(key),
          Date.now(),
        )) as [string, string | null];
        generation = current;
        const cut = entry?.indexOf('\n') ?? -1;
        if (entry && cut > 0 && entry.slice(0, cut) === generation) {
          count('hit');
          return JSON.parse(entry.slice(cut + 1)) as T;
        }
      } catch (error) {
        tripped(error, 'read');
        return loadWithoutCache(load, 'outage');
      }
      count('miss');
      // Concurrent misses of one entry in this process share one Postgres read.
      const flightKey = `${key}@${generation}`;
      let flight = inflight.get(flightKey) as Promise<Loaded<T> | null> | undefined;
      if (!flight) {
        flight = load();
        inflight.set(flightKey, flight);
        void flight.finally(() => inflight.delete(flightKey)).catch(() => {});
        const loaded = await flight;
        const ttl = loaded ? ttlOf(loaded) : 0;
        if (loaded && ttl > 0) {
          const text = `${generation}\n${JSON.stringify(loaded.value)}`;
          try {
            const stored = await commands.tesseraCatalogFill_v1(
              generationKey,
              entryKey(key),
              generation,
              text,
              ttl,
            );
            if (stored === 0) catalogCacheTotals.staleFillsRefused += 1;
          } catch (error) {
            tripped(error, 'fill');
          }
        }
      }
      const loaded = await flight;
      if (!loaded) return null;
      return loaded.value;
    },

    /** A value that never changes under its key (e.g. a layout at one version): plain GET/SET. */
    async readImmutable(key: string, load: () => Promise<string | null>): Promise<string | null> {
      if (available()) {
        try {
          const text = await redis.get(entryKey(key));
          if (text !== null) {
            count('hit');
            return text;
          }
          count('miss');
        } catch (error) {
          tripped(error, 'read');
          count('outage');
          return load();
        }
      } else count('outage');
      const text = await load();
      if (text !== null && ttlMs > 0 && available()) {
        redis
          .set(entryKey(key), text, 'PX', ttlMs)
          .catch((error: unknown) => tripped(error, 'fill'));
      }
      return text;
    },

    /** Counts a read that must not be cached (it shows live figures). */
    bypass<T>(load: () => Promise<T>): Promise<T> {
      count('bypass');
      return load();
    },

    /**
     * Makes every generational entry stale, on every replica. Call after the Postgres commit of an
     * admin write that changes what the catalog shows. A failure is logged and counted, never
     * thrown: the write already happened, and entries expire within ttlMs anyway.
     */
    async invalidate(reason: string): Promise<void> {
      try {
        await redis.incr(generationKey);
        catalogCacheTotals.invalidations += 1;
      } catch (error) {
        catalogCacheTotals.failedInvalidations += 1;
        log.error({ err: error, reason }, 'catalog cache invalidation failed');
      }
    },

    /** Connects, waiting at most connectTimeout; a Redis that is down only means cache misses. */
    async connect(): Promise<void> {
      await redis.connect().catch((error: unknown) => tripped(error, 'connect'));
    },

    async close(): Promise<void> {
      redis.disconnect();
    },

    /** The cache's own connection (tests drop it to simulate an outage). */
    connection: redis,
  };
};

export type CatalogCache = ReturnType<typeof createCatalogCache>;
