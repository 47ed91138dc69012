// Settings every scenario shares, from the environment (`k6 run -e NAME=value` or the shell).
// The fixture is the JSON `pnpm load:setup` writes: event, window, fan accounts, admin account.

/**
 * @typedef {{ eventId: string, windowId: string, password: string, fans: Array<{ email: string }>,
 *   admin: { email: string, password: string }, seatIds: number[], hotSeatIds: number[],
 *   capacity: number }} LoadFixture
 */

/** @param {string} name @param {number} fallback */
export const envNumber = (name, fallback) => {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
};

export const BASE_URL = (__ENV.BASE_URL || 'http://localhost:3000').replace(/\/$/, '');

/** Where the setup wrote the fixture; relative paths are resolved from the k6/ directory. */
export const FIXTURE_PATH = __ENV.FIXTURE || './fixture/load.json';

/** @param {string} text the fixture file's contents (read with open() in the script's init code) */
export const parseFixture = (text) => {
  /** @type {LoadFixture} */
  const fixture = JSON.parse(text);
  for (const key of ['eventId', 'password', 'fans', 'admin', 'seatIds', 'hotSeatIds']) {
    if (!(key in fixture))
      throw new Error(`fixture ${FIXTURE_PATH} has no "${key}": run pnpm load:setup`);
  }
  return fixture;
};

export const POLL_SECONDS = envNumber('POLL_SECONDS', 1);
export const MAX_QUEUE_SECONDS = envNumber('MAX_QUEUE_SECONDS', 600);
/** Statuses that are part of a journey, not failures: taken seats (409) and rate limits (429). */
export const JOURNEY_STATUSES = [409, 429];

/** '90s', '30m', '1h', '1h30m' → seconds (the subset of k6 durations the scenarios take from env). */
/** @param {string} text */
export const durationSeconds = (text) => {
  const parts = String(text).match(/(\d+(?:\.\d+)?)(ms|s|m|h)/g);
  if (!parts || parts.join('') !== String(text)) throw new Error(`not a duration: "${text}"`);
  /** @type {Record<string, number>} */
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 };
  return parts.reduce((sum, part) => {
    const [, n, u] = /** @type {RegExpMatchArray} */ (part.match(/(\d+(?:\.\d+)?)(ms|s|m|h)/));
    return sum + Number(n) * (unit[/** @type {string} */ (u)] ?? 0);
  }, 0);
};
