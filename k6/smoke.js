// Smoke: one fan through the whole journey (sign in, event, queue, admission, hold, pay, tickets),
// then the admin's verdict (no seat sold twice, invariant checker passes). Run after
// `pnpm load:setup --fans 1`; see README.md.
import { check } from 'k6';
import {
  BASE_URL,
  FIXTURE_PATH,
  JOURNEY_STATUSES,
  MAX_QUEUE_SECONDS,
  POLL_SECONDS,
  parseFixture,
} from './lib/config.js';
import { runFanJourney } from './lib/journey.js';
import { summaryOutputs } from './lib/summary.js';
import { createTrpc } from './lib/trpc.js';
import { checkSaleAsAdmin } from './lib/verdict.js';

const fixture = parseFixture(open(FIXTURE_PATH));

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    smoke: { executor: 'shared-iterations', vus: 1, iterations: 1, maxDuration: '5m' },
  },
  thresholds: {
    checks: ['rate==1'],
    http_req_failed: ['rate==0'],
    journey_errors: ['count==0'],
    tickets_issued: ['count>0'],
    oversold_seats: ['count==0'],
    invariants_ok: ['rate==1'],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(95)', 'p(99)'],
};

export default function () {
  const api = createTrpc(BASE_URL, { expected: JOURNEY_STATUSES });
  const fan = fixture.fans[0];
  if (!fan) throw new Error('the fixture has no fans: run pnpm load:setup --fans 1');
  const result = runFanJourney({
    api,
    fixture,
    fan,
    index: 0,
    pollSeconds: POLL_SECONDS,
    maxQueueSeconds: MAX_QUEUE_SECONDS,
  });
  check(result, { 'the fan got tickets': (r) => r.outcome === 'bought' });
}

export function teardown() {
  checkSaleAsAdmin(BASE_URL, fixture);
}

/** @param {any} data */
export function handleSummary(data) {
  return summaryOutputs(data, 'smoke');
}
