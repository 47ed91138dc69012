// Spike: the flash sale. Fans arrive on a ramping-arrival-rate spike; each signs in, joins the
// waiting room, waits for admission, holds seats (best available, specific seats, or seats others
// want too), pays (1 in 10 with a declined card first, 1 in 10 abandon) and fetches the tickets.
// Thresholds fail the run on errors, on any seat sold twice, on the invariant checker and on p99
// latencies (each ceiling overridable from env). Needs `pnpm load:setup` with enough fans.
import { check } from 'k6';
import exec from 'k6/execution';
import {
  BASE_URL,
  FIXTURE_PATH,
  JOURNEY_STATUSES,
  MAX_QUEUE_SECONDS,
  POLL_SECONDS,
  envNumber,
  parseFixture,
} from './lib/config.js';
import { runFanJourney } from './lib/journey.js';
import { summaryOutputs } from './lib/summary.js';
import { createTrpc } from './lib/trpc.js';
import { checkSaleAsAdmin } from './lib/verdict.js';

const fixture = parseFixture(open(FIXTURE_PATH));

const PEAK_RATE = envNumber('SPIKE_PEAK_RATE', 50);
const RAMP = __ENV.SPIKE_RAMP || '10s';
const HOLD = __ENV.SPIKE_HOLD || '20s';

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    spike: {
      executor: 'ramping-arrival-rate',
      exec: 'fan',
      startRate: 0,
      timeUnit: '1s',
      preAllocatedVUs: envNumber('SPIKE_VUS', 200),
      maxVUs: envNumber('SPIKE_MAX_VUS', Math.max(200, fixture.fans.length)),
      stages: [
        { target: PEAK_RATE, duration: RAMP },
        { target: PEAK_RATE, duration: HOLD },
        { target: 0, duration: RAMP },
      ],
    },
  },
  thresholds: {
    http_req_failed: [`rate<${envNumber('MAX_ERROR_RATE', 0.01)}`],
    journey_errors: [`count<=${envNumber('MAX_JOURNEY_ERRORS', 0)}`],
    checks: [`rate>${envNumber('MIN_CHECK_RATE', 0.99)}`],
    tickets_issued: ['count>0'],
    oversold_seats: ['count==0'],
    invariants_ok: ['rate==1'],
    hold_latency: [`p(99)<${envNumber('P99_HOLD_MS', 500)}`],
    checkout_latency: [`p(99)<${envNumber('P99_CHECKOUT_MS', 3000)}`],
    'http_req_duration{name:waitingRoom.join}': [`p(99)<${envNumber('P99_JOIN_MS', 1000)}`],
    'http_req_duration{name:waitingRoom.status}': [`p(99)<${envNumber('P99_STATUS_MS', 1000)}`],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(95)', 'p(99)'],
};

export function fan() {
  const index = exec.scenario.iterationInTest;
  const account = fixture.fans[index];
  if (!check(index, { 'the fixture has an account for every arriving fan': () => !!account }))
    return;
  const api = createTrpc(BASE_URL, { expected: JOURNEY_STATUSES });
  runFanJourney({
    api,
    fixture,
    fan: /** @type {{ email: string }} */ (account),
    index,
    pollSeconds: POLL_SECONDS,
    maxQueueSeconds: MAX_QUEUE_SECONDS,
  });
}

export function teardown() {
  checkSaleAsAdmin(BASE_URL, fixture);
}

/** @param {any} data */
export function handleSummary(data) {
  return summaryOutputs(data, 'spike');
}
