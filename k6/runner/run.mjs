#!/usr/bin/env node
// A small k6-compatible runner for where k6 cannot be installed (this project's CI boxes):
//   node k6/runner/run.mjs [--vus N|name=N] [--iterations N|name=N] [-e NAME=value]... script.js
// It runs the script's init code, setup(), every scenario's exec function, teardown(), evaluates
// the thresholds and calls handleSummary, with k6's exit codes (99 thresholds failed, 107 script
// error, 108 aborted). It does NOT reproduce k6's executors: each scenario runs a fixed number of
// iterations on a fixed number of VUs (shared-iterations and per-vu-iterations keep their own
// counts; constant-arrival-rate starts one iteration per timeUnit/rate for its duration on up to
// 20 VUs; other executors take --iterations / --vus, default 1 / up to 10). Each VU is a worker
// thread whose HTTP calls block (Atomics.wait) while this thread does the I/O.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { durationMs } from './duration.mjs';
import { buildSummary, createSink } from './summary-data.mjs';

const VU_FILE = new URL('./vu.mjs', import.meta.url);

const usage = () => {
  console.error(
    'usage: run.mjs [--vus N|name=N] [--iterations N|name=N] [-e NAME=value]... script.js',
  );
  process.exit(2);
};

/** @type {Record<string, string>} */
const cliEnv = {};
/** @type {Record<string, number>} */
const vusFor = {};
/** @type {Record<string, number>} */
const iterationsFor = {};
/** @type {string | undefined} */
let scriptArg;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = /** @type {string} */ (argv[i]);
  const value = argv[i + 1];
  if ((arg === '-e' || arg === '--env') && value?.includes('=')) {
    cliEnv[value.slice(0, value.indexOf('='))] = value.slice(value.indexOf('=') + 1);
    i++;
  } else if ((arg === '--vus' || arg === '--iterations') && value) {
    const [name, n] = value.includes('=') ? value.split('=') : ['*', value];
    (arg === '--vus' ? vusFor : iterationsFor)[/** @type {string} */ (name)] = Number(n);
    i++;
  } else if (!arg.startsWith('-') && !scriptArg) scriptArg = arg;
  else usage();
}
if (!scriptArg) usage();
const script = path.resolve(/** @type {string} */ (scriptArg));
// k6 passes the system environment to __ENV, and -e values on top.
const env = { ...process.env, ...cliEnv };

const sink = createSink();
/** @type {Map<string, { passes: number, fails: number }>} */
const checks = new Map();
const addSamples = (
  /** @type {Array<[string, string, boolean, number | null, Record<string, string>]>} */ samples,
) => {
  sink.add(samples);
  for (const [name, , , value, tags] of samples) {
    if (name !== 'checks') continue;
    const c = checks.get(/** @type {string} */ (tags.check)) ?? { passes: 0, fails: 0 };
    if (value) c.passes += 1;
    else c.fails += 1;
    checks.set(/** @type {string} */ (tags.check), c);
  }
};

let aborted = /** @type {string | null} */ (null);
/** @type {Set<Worker>} */
const running = new Set();

/** Does one VU's HTTP request, then wakes the VU. */
const doRequest = async (
  /** @type {{ method: string, url: string, headers: Record<string, string>, body: string | null, timeoutMs: number }} */ req,
) => {
  const started = performance.now();
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : (req.body ?? undefined),
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    const body = await res.text();
    /** @type {Record<string, string>} */
    const headers = {};
    res.headers.forEach((value, name) => {
      headers[name.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase())] = value;
    });
    return {
      status: res.status,
      body,
      headers,
      setCookies: res.headers.getSetCookie(),
      duration: performance.now() - started,
    };
  } catch (error) {
    return {
      status: 0,
      body: '',
      headers: {},
      setCookies: [],
      duration: performance.now() - started,
      error: String(error),
    };
  }
};

/**
 * Runs one worker thread in a role and resolves with its 'done' message.
 * @param {Record<string, unknown>} data
 * @returns {Promise<any>}
 */
const runWorker = (data) =>
  new Promise((resolve, reject) => {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const signalArray = new Int32Array(signal);
    const worker = new Worker(VU_FILE, {
      workerData: { script, env, replies: port2, signal, ...data },
      transferList: [port2],
    });
    running.add(worker);
    let settled = false;
    worker.on('message', async (message) => {
      if (message.samples) addSamples(message.samples);
      if (message.type === 'http') {
        port1.postMessage(await doRequest(message.request));
        Atomics.store(signalArray, 0, 1);
        Atomics.notify(signalArray, 0);
      } else if (message.type === 'done') {
        settled = true;
        resolve(message);
      } else if (message.type === 'error') {
        settled = true;
        reject(new Error(message.message));
      } else if (message.type === 'abort') {
        aborted = message.reason;
        for (const w of running) if (w !== worker) void w.terminate();
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', () => {
      running.delete(worker);
      port1.close();
      if (!settled) reject(new Error(aborted ? `aborted: ${aborted}` : 'worker exited early'));
    });
  });

/** Fixed iteration/VU counts for a scenario (see the header: executors are not reproduced). */
const planScenario = (/** @type {string} */ name, /** @type {any} */ sc) => {
  const cliIterations = iterationsFor[name] ?? iterationsFor['*'];
  const cliVus = vusFor[name] ?? vusFor['*'];
  if (sc.executor === 'shared-iterations')
    return { vus: cliVus ?? sc.vus ?? 1, iterations: cliIterations ?? sc.iterations ?? 1 };
  if (sc.executor === 'per-vu-iterations') {
    const vus = cliVus ?? sc.vus ?? 1;
    return { vus, iterations: vus * (cliIterations ?? sc.iterations ?? 1), perVu: true };
  }
  if (sc.executor === 'constant-arrival-rate') {
    // Paced: one iteration every timeUnit/rate for the duration (late when no VU is free).
    const paceMs = durationMs(sc.timeUnit ?? '1s') / sc.rate;
    const iterations = cliIterations ?? Math.floor(durationMs(sc.duration) / paceMs);
    return { vus: cliVus ?? Math.min(sc.preAllocatedVUs ?? 1, 20), iterations, paceMs };
  }
  const iterations = cliIterations ?? 1;
  return { vus: Math.max(1, Math.min(cliVus ?? 10, iterations)), iterations };
};

const finish = (/** @type {number} */ code) => {
  process.exitCode = code;
};

const startedAt = Date.now();
let scriptError = false;
const init = await runWorker({ role: 'init', vuId: 0 });
const options = init.options;
const has = (/** @type {string} */ name) => init.exports.includes(name);
const scenarios = options.scenarios ?? {
  default: {
    executor: 'shared-iterations',
    vus: options.vus ?? 1,
    iterations: options.iterations ?? 1,
  },
};

let setupData = null;
try {
  if (has('setup')) setupData = (await runWorker({ role: 'setup', vuId: 0 })).data;
} catch (error) {
  console.error(`setup() failed: ${/** @type {Error} */ (error).message}`);
  finish(107);
  process.exit();
}

let vuId = 0;
const runs = [];
for (const [name, sc] of Object.entries(scenarios)) {
  const { vus, iterations, perVu = false, paceMs = 0 } = planScenario(name, sc);
  const exec = sc.exec ?? 'default';
  process.stderr.write(
    `k6 shim: scenario ${name} (${sc.executor}) → ${iterations} iteration(s) of ${exec}() on ${vus} VU(s)${paceMs ? `, one every ${Math.round(paceMs)} ms` : ''}\n`,
  );
  // One shared counter hands out iterationInTest; per-vu-iterations gives each VU its own share.
  const counter = new SharedArrayBuffer(4);
  const startTime = Date.now();
  for (let i = 0; i < vus; i++) {
    vuId += 1;
    const id = vuId;
    const scenario = perVu
      ? {
          name,
          exec,
          executor: sc.executor,
          iterations: iterations / vus,
          startTime,
          offset: i * (iterations / vus),
          paceMs,
        }
      : { name, exec, executor: sc.executor, iterations, startTime, offset: 0, paceMs };
    runs.push(
      runWorker({
        role: 'vu',
        vuId: id,
        scenario,
        counter: perVu ? new SharedArrayBuffer(4) : counter,
        data: setupData,
      }).catch((error) => {
        if (!aborted) {
          scriptError = true;
          console.error(`VU ${id} of ${name} failed: ${error.message}`);
        }
      }),
    );
  }
}
await Promise.all(runs);

if (has('teardown') && !aborted) {
  try {
    await runWorker({ role: 'teardown', vuId: 0, data: setupData });
  } catch (error) {
    scriptError = true;
    console.error(`teardown() failed: ${/** @type {Error} */ (error).message}`);
  }
}

const summary = buildSummary(sink, options, {
  durationMs: Date.now() - startedAt,
  checks: [...checks].map(([name, c]) => ({ name, ...c })),
});
if (has('handleSummary')) {
  const { outputs } = await runWorker({ role: 'summary', vuId: 0, data: summary.data });
  for (const [target, content] of Object.entries(outputs ?? {})) {
    if (target === 'stdout') process.stdout.write(String(content));
    else if (target === 'stderr') process.stderr.write(String(content));
    else writeFileSync(path.resolve(target), String(content));
  }
} else {
  process.stdout.write(`${JSON.stringify(summary.data.metrics, null, 2)}\n`);
}
if (aborted) {
  console.error(`test aborted: ${aborted}`);
  finish(108);
} else if (scriptError) finish(107);
else if (summary.failed) {
  console.error('some thresholds have failed');
  finish(99);
} else finish(0);
