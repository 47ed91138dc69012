// Process-wide catalog cache outcomes, read by /metrics on each scrape.

export type CatalogCacheOutcome =
  /** Served from Redis. */
  | 'hit'
  /** Not in Redis (or written under an older generation): read from Postgres. */
  | 'miss'
  /** Redis unreachable, slow or the breaker open: read from Postgres. */
  | 'outage'
  /** Never cached (live figures asked for): read from Postgres. */
  | 'bypass';

export const catalogCacheTotals: Record<CatalogCacheOutcome, number> & {
  invalidations: number;
  failedInvalidations: number;
  /** Fills refused because an invalidation happened while Postgres was read. */
  staleFillsRefused: number;
} = {
  hit: 0,
  miss: 0,
  outage: 0,
  bypass: 0,
  invalidations: 0,
  failedInvalidations: 0,
  staleFillsRefused: 0,
};
