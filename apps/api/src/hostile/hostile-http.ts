// Shared by the hostile-input tests: calling any procedure over the real HTTP app by its dotted
// path, and a cheap fingerprint of everything a call could change.
import { eventKeys } from '@tessera/core/holds/keys';
import type { TestApp } from '../testing/test-app.ts';

export interface HttpAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A tRPC call the way the web app makes it: GET with `?input=` for queries, JSON POST otherwise. */
export const callOverHttp = async ({
  testApp,
  path,
  type,
  input,
  token,
}: {
  testApp: TestApp;
  path: string;
  type: 'query' | 'mutation';
  input: unknown;
  token: string | null;
}): Promise<HttpAnswer> => {
  const headers: Record<string, string> = {};
  if (token) headers.cookie = `${testApp.config.sessionCookieName}=${token}`;
  const encoded = input === undefined ? undefined : JSON.stringify(input);
  const response =
    type === 'query'
      ? await testApp.app.inject({
          method: 'GET',
          url: `/trpc/${path}${encoded === undefined ? '' : `?input=${encodeURIComponent(encoded)}`}`,
          headers,
        })
      : await testApp.app.inject({
          method: 'POST',
          url: `/trpc/${path}`,
          headers: { ...headers, 'content-type': 'application/json' },
          ...(encoded === undefined ? {} : { payload: encoded }),
        });
  return { status: response.statusCode, body: response.body, headers: response.headers };
};

/**
 * Row counts and last-update times of every table a procedure writes, plus the watched event's
 * Redis seat state: equal before and after a call means the call changed nothing we guard.
 */
export const stateFingerprint = async (testApp: TestApp, eventId: string): Promise<string> => {
  const [rows] = await testApp.prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT
      (SELECT count(*) FROM users)::text AS users,
      (SELECT max(updated_at) FROM users)::text AS users_at,
      (SELECT count(*) FROM sessions)::text AS sessions,
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM venues) AS venues,
      (SELECT count(*) FROM seats)::text AS seats,
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM events) AS events,
      (SELECT count(*) FROM event_tier_prices)::text AS prices,
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM on_sale_windows) AS windows,
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM holds) AS holds,
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM orders) AS orders,
      (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM payments) AS payments`;
  const keys = eventKeys({ prefix: testApp.config.redisPrefix, eventId });
  const [seats, holds, version] = await Promise.all([
    testApp.redis.hgetall(keys.seats),
    testApp.redis.hlen(keys.holds),
    testApp.redis.hget(keys.meta, 'version'),
  ]);
  const seatState = Object.entries(seats)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([seat, value]) => `${seat}=${value}`)
    .join(',');
  return JSON.stringify({ rows, seatState, holds, version });
};
