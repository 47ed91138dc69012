// Shim test script: each VU signs in (the server sets a cookie naming the VU), proves its own
// cookie comes back and that clearing the jar forgets it. Env: BASE_URL, WANT_OK (threshold on
// the ok counter), ABORT_AT (iteration that calls test.abort), SETUP_THROWS, SUMMARY_JSON.
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter } from 'k6/metrics';

const ok = new Counter('session_ok');

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: { sessions: { executor: 'per-vu-iterations', vus: 2, iterations: 3 } },
  thresholds: {
    checks: ['rate==1'],
    session_ok: [`count==${__ENV.WANT_OK || 6}`],
    'http_req_duration{name:whoami}': ['count>0'],
    'http_req_failed{name:missing}': ['rate==1'],
  },
};

export function setup() {
  if (__ENV.SETUP_THROWS) throw new Error('setup refused on purpose');
  return { base: __ENV.BASE_URL };
}

/** @param {{ base: string }} data */
export default function (data) {
  if (String(exec.scenario.iterationInTest) === __ENV.ABORT_AT) exec.test.abort('asked to');
  http.get(`${data.base}/login?vu=${__VU}`, { tags: { name: 'login' } });
  const mine = http.get(`${data.base}/whoami`, { tags: { name: 'whoami' } });
  http.cookieJar().clear(data.base);
  const cleared = http.get(`${data.base}/whoami`, { tags: { name: 'whoami' } });
  http.get(`${data.base}/missing`, { tags: { name: 'missing' } });
  const passed = check(
    { mine, cleared },
    {
      'own cookie sent': (r) => r.mine.body === `sid=vu${__VU}`,
      'cleared jar sends none': (r) => r.cleared.body === 'none',
    },
  );
  if (passed) ok.add(1);
}

/** @param {any} data */
export function handleSummary(data) {
  return { stdout: 'summary written\n', [__ENV.SUMMARY_JSON]: JSON.stringify(data) };
}
