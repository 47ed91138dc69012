// Soak: a steady stream of fans (constant-arrival-rate) for SOAK_DURATION, watching for drift and
// leaks: hold latency is tagged by minute since the start (a p99 threshold per minute puts every
// minute in the summary, and handleSummary prints last-minute vs first-minute), and a sampler
// scenario reads the API's /metrics (resident memory, V8 heap used) twice a minute; setup and
// teardown sample it too, and heap growth over the run has a ceiling. Behind nginx each sample
// comes from whichever replica answered.
import exec from 'k6/execution';
import http from 'k6/http';
import { Gauge } from 'k6/metrics';
import {
  BASE_URL,
  FIXTURE_PATH,
  JOURNEY_STATUSES,
  MAX_QUEUE_SECONDS,
  POLL_SECONDS,
  durationSeconds,
  envNumber,
  parseFixture,
} from './lib/config.js';
import { runFanJourney } from './lib/journey.js';
import { summaryOutputs } from './lib/summary.js';
import { createTrpc } from './lib/trpc.js';
import { checkSaleAsAdmin } from './lib/verdict.js';

const fixture = parseFixture(open(FIXTURE_PATH));

const DURATION = __ENV.SOAK_DURATION || '30m';
const MINUTES = Math.max(1, Math.ceil(durationSeconds(DURATION) / 60));
const P99_HOLD_MS = envNumber('P99_HOLD_MS', 500);

const rssBytes = new Gauge('api_rss_bytes');
const heapUsedBytes = new Gauge('api_heap_used_bytes');
const heapGrowthBytes = new Gauge('api_heap_growth_bytes');

/** @type {Record<string, string[]>} */
const perMinuteHold = {};
for (let minute = 0; minute < MINUTES; minute++)
  perMinuteHold[`hold_latency{minute:${minute}}`] = [`p(99)<${P99_HOLD_MS}`];

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    fans: {
      executor: 'constant-arrival-rate',
      exec: 'fan',
      rate: envNumber('SOAK_FANS_PER_MINUTE', 60),
      timeUnit: '1m',
      duration: DURATION,
      preAllocatedVUs: envNumber('SOAK_VUS', 50),
      maxVUs: envNumber('SOAK_MAX_VUS', 500),
    },
    sampler: {
      executor: 'constant-arrival-rate',
      exec: 'sampleProcess',
      rate: 2,
      timeUnit: '1m',
      duration: DURATION,
      preAllocatedVUs: 1,
    },
  },
  thresholds: {
    http_req_failed: [`rate<${envNumber('MAX_ERROR_RATE', 0.01)}`],
    journey_errors: [`count<=${envNumber('MAX_JOURNEY_ERRORS', 0)}`],
    oversold_seats: ['count==0'],
    invariants_ok: ['rate==1'],
    hold_latency: [`p(99)<${P99_HOLD_MS}`],
    ...perMinuteHold,
    checkout_latency: [`p(99)<${envNumber('P99_CHECKOUT_MS', 3000)}`],
    api_heap_growth_bytes: [`value<${envNumber('SOAK_MAX_HEAP_GROWTH_MB', 100) * 1024 * 1024}`],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(95)', 'p(99)'],
};

/** Resident memory and V8 heap used, from the Prometheus text of /metrics. */
const readProcess = () => {
  const res = http.get(`${BASE_URL}/metrics`, { tags: { name: 'metrics' } });
  /** @param {string} name */
  const series = (name) => {
    const line = String(res.body)
      .split('\n')
      .find((l) => l.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : NaN;
  };
  return {
    rss: series('process_resident_memory_bytes'),
    heap: series('nodejs_heap_size_used_bytes'),
  };
};

export function setup() {
  return { start: readProcess() };
}

export function fan() {
  const index = exec.scenario.iterationInTest;
  const account = fixture.fans[index];
  if (!account) throw new Error(`fan ${index} has no account: pnpm load:setup --fans more`);
  const minute = Math.floor((Date.now() - exec.scenario.startTime) / 60_000);
  runFanJourney({
    api: createTrpc(BASE_URL, { expected: JOURNEY_STATUSES }),
    fixture,
    fan: account,
    index,
    pollSeconds: POLL_SECONDS,
    maxQueueSeconds: MAX_QUEUE_SECONDS,
    tags: { minute: String(Math.min(minute, MINUTES - 1)) },
  });
}

export function sampleProcess() {
  const sample = readProcess();
  if (Number.isFinite(sample.rss)) rssBytes.add(sample.rss);
  if (Number.isFinite(sample.heap)) heapUsedBytes.add(sample.heap);
}

/** @param {{ start: { rss: number, heap: number } }} data */
export function teardown(data) {
  const end = readProcess();
  if (Number.isFinite(end.heap) && Number.isFinite(data.start.heap))
    heapGrowthBytes.add(end.heap - data.start.heap);
  checkSaleAsAdmin(BASE_URL, fixture);
}

/** @param {any} data */
export function handleSummary(data) {
  const p95 = (/** @type {number} */ minute) =>
    data.metrics[`hold_latency{minute:${minute}}`]?.values?.['p(95)'];
  const first = p95(0);
  const last = p95(MINUTES - 1);
  const outputs = summaryOutputs(data, 'soak');
  if (first && last)
    outputs.stdout += `  hold latency drift: p95 ${first.toFixed(1)} ms in minute 1, ${last.toFixed(1)} ms in minute ${MINUTES} (x${(last / first).toFixed(2)})\n`;
  return outputs;
}
