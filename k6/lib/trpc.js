// Tessera's tRPC procedures over plain HTTP, the wire format a browser sends without batching:
// queries are GET /trpc/<name>?input=<json>, mutations POST /trpc/<name> with a JSON body; replies
// are {"result":{"data":…}} or {"error":{"message","data":{"code","httpStatus","appError"}}}.
// The session is the HttpOnly cookie login sets (k6 keeps one cookie jar per VU). k6 sends no
// Origin or Sec-Fetch-Site header, which the API's CSRF rule accepts (it is not a browser).
import { sleep } from 'k6';
import http from 'k6/http';
import { busyRetries } from './metrics.js';

/** A 503 with Retry-After (Postgres or Redis busy) is retried this many times, as clients do. */
const MAX_BUSY_RETRIES = 3;

/**
 * @typedef {{ ok: boolean, status: number, data: any, code: string | null,
 *   message: string | null, retryAfter: number | null, duration: number }} TrpcReply
 */

const JSON_HEADERS = { 'content-type': 'application/json' };

/** @param {import('k6/http').RefinedResponse<any>} res @returns {TrpcReply} */
const toReply = (res) => {
  /** @type {any} */
  let body = null;
  try {
    body = typeof res.body === 'string' && res.body.length > 0 ? JSON.parse(res.body) : null;
  } catch {
    body = null;
  }
  const error = body && body.error ? body.error : null;
  const retryAfter = Number(res.headers['Retry-After'] || res.headers['retry-after'] || NaN);
  return {
    ok: res.status === 200 && !!body && !!body.result,
    status: res.status,
    data: body && body.result ? body.result.data : null,
    code: error
      ? (error.data && error.data.appError && error.data.appError.code) ||
        (error.data && error.data.code) ||
        null
      : null,
    message: error ? error.message : null,
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : null,
    duration: res.timings.duration,
  };
};

/** @param {() => import('k6/http').RefinedResponse<any>} send */
const retryWhileBusy = (send) => {
  let reply = toReply(send());
  for (let i = 0; i < MAX_BUSY_RETRIES && reply.status === 503 && reply.retryAfter !== null; i++) {
    busyRetries.add(1);
    sleep(reply.retryAfter);
    reply = toReply(send());
  }
  return reply;
};

/**
 * @param {string} baseUrl
 * @param {{ expected?: number[] }} [options] statuses that are part of the journey (not failures)
 */
export const createTrpc = (baseUrl, options = {}) => {
  const expected = http.expectedStatuses({ min: 200, max: 299 }, ...(options.expected || []));
  /** @param {string} name */
  const params = (name, /** @type {Record<string,string>} */ tags = {}) => ({
    headers: JSON_HEADERS,
    tags: { name, ...tags },
    responseCallback: expected,
  });
  return {
    baseUrl,
    /** @param {string} name @param {unknown} [input] @param {Record<string,string>} [tags] */
    query(name, input, tags) {
      const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return retryWhileBusy(() => http.get(`${baseUrl}/trpc/${name}${qs}`, params(name, tags)));
    },
    /**
     * Every mutation the journey sends is safe to repeat (join and login by nature, holds and
     * payments by their idempotency keys), so a busy answer is retried with the same input.
     * @param {string} name @param {unknown} [input] @param {Record<string,string>} [tags]
     */
    mutation(name, input, tags) {
      const body = input === undefined ? '' : JSON.stringify(input);
      return retryWhileBusy(() => http.post(`${baseUrl}/trpc/${name}`, body, params(name, tags)));
    },
    /** Forget this VU's session cookie (each iteration signs in as another fan). */
    forgetSession() {
      http.cookieJar().clear(baseUrl);
    },
  };
};

/** @typedef {ReturnType<typeof createTrpc>} Trpc */
