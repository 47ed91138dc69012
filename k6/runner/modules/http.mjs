// `k6/http` in the shim: synchronous requests (the VU thread blocks while the main thread does the
// I/O), a cookie jar per VU, response callbacks, and the built-in http_* metrics.
const rt = globalThis.__k6shim;

/** @typedef {{ min?: number, max?: number } | number} StatusSpec */
/** @param {...StatusSpec} specs */
export const expectedStatuses = (...specs) => ({ __expectedStatuses: specs });
/** @type {{ __expectedStatuses: StatusSpec[] } | null} */
let defaultCallback = expectedStatuses({ min: 200, max: 399 });
/** @param {{ __expectedStatuses: StatusSpec[] } | null} callback */
export const setResponseCallback = (callback) => {
  defaultCallback = callback;
};
/** @param {{ __expectedStatuses: StatusSpec[] } | null} callback @param {number} status */
const isExpected = (callback, status) =>
  callback === null ||
  callback.__expectedStatuses.some((s) =>
    typeof s === 'number' ? s === status : status >= (s.min ?? 0) && status <= (s.max ?? 999),
  );

/** @type {Map<string, Map<string, { value: string, expires: number }>>} host → name → cookie */
const jar = new Map();
/** @param {string} url */
const hostOf = (url) => new URL(url).host;

/** @param {string} url @param {string[]} setCookies */
const storeCookies = (url, setCookies) => {
  const cookies = jar.get(hostOf(url)) ?? new Map();
  jar.set(hostOf(url), cookies);
  for (const header of setCookies) {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    let expires = Infinity;
    for (const attribute of attributes) {
      const [key = '', value = ''] = attribute.split('=');
      if (key.toLowerCase() === 'max-age') expires = Date.now() + Number(value) * 1000;
      else if (key.toLowerCase() === 'expires' && expires === Infinity) expires = Date.parse(value);
    }
    if (expires <= Date.now()) cookies.delete(name);
    else cookies.set(name, { value: pair.slice(eq + 1), expires });
  }
};
/** @param {string} url */
const cookieHeader = (url) =>
  [...(jar.get(hostOf(url)) ?? new Map())]
    .filter(([, c]) => c.expires > Date.now())
    .map(([name, c]) => `${name}=${c.value}`)
    .join('; ');

export const cookieJar = () => ({
  /** @param {string} url */
  clear(url) {
    jar.delete(hostOf(url));
  },
  /** @param {string} url */
  cookiesForURL(url) {
    return Object.fromEntries(
      [...(jar.get(hostOf(url)) ?? new Map())].map(([name, c]) => [name, [c.value]]),
    );
  },
});

/**
 * @param {string} method
 * @param {string} url
 * @param {string | null | undefined} body
 * @param {{ headers?: Record<string, string>, tags?: Record<string, string>, timeout?: number | string,
 *   responseCallback?: { __expectedStatuses: StatusSpec[] } | null }} [params]
 */
export const request = (method, url, body, params = {}) => {
  const headers = { ...(params.headers ?? {}) };
  const cookie = cookieHeader(url);
  if (cookie) headers.cookie = cookie;
  const timeoutMs =
    typeof params.timeout === 'number'
      ? params.timeout
      : params.timeout
        ? rt.durationMs(params.timeout)
        : 60_000;
  const reply = rt.http({ method, url, headers, body: body ?? null, timeoutMs });
  storeCookies(url, reply.setCookies);
  const callback =
    params.responseCallback === undefined ? defaultCallback : params.responseCallback;
  const tags = {
    name: url,
    method,
    status: String(reply.status),
    url,
    ...(params.tags ?? {}),
  };
  rt.sample('http_reqs', 'counter', false, 1, tags);
  rt.sample('http_req_duration', 'trend', true, reply.duration, tags);
  rt.sample('http_req_failed', 'rate', false, isExpected(callback, reply.status) ? 0 : 1, tags);
  return {
    status: reply.status,
    body: reply.body,
    headers: reply.headers,
    url,
    error: reply.error ?? '',
    error_code: reply.error ? 1000 : 0,
    timings: { duration: reply.duration, waiting: reply.duration },
    request: { method, url, headers, body },
    json() {
      return JSON.parse(reply.body);
    },
  };
};

/** @param {string} url @param {object} [params] */
export const get = (url, params) => request('GET', url, null, params);
/** @param {string} url @param {string | null} [body] @param {object} [params] */
export const post = (url, body, params) => request('POST', url, body, params);
/** @param {string} url @param {string | null} [body] @param {object} [params] */
export const put = (url, body, params) => request('PUT', url, body, params);
/** @param {string} url @param {string | null} [body] @param {object} [params] */
export const patch = (url, body, params) => request('PATCH', url, body, params);
/** @param {string} url @param {string | null} [body] @param {object} [params] */
export const del = (url, body, params) => request('DELETE', url, body, params);

export default {
  request,
  get,
  post,
  put,
  patch,
  del,
  cookieJar,
  expectedStatuses,
  setResponseCallback,
};
