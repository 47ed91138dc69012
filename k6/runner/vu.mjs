// One thread of the k6 shim: loads the script as k6 would in a VU (globals, init code), then plays
// its role: report the options, run setup/teardown/handleSummary once, or run iterations of a
// scenario's exec function until the scenario's shared iteration counter runs out.
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { durationMs } from './duration.mjs';

register('./hooks.mjs', import.meta.url);

const { script, env, role, vuId, scenario, counter, data, replies, signal } = workerData;
const signalArray = new Int32Array(signal);
const pacer = new Int32Array(new SharedArrayBuffer(4));
const counterArray = counter ? new Int32Array(counter) : null;
/** @type {Array<[string, string, boolean, number | null, Record<string, string>]>} */
let pending = [];
/** @type {Record<string, string>} */
const baseTags = scenario ? { scenario: scenario.name } : {};

const flush = () => {
  const out = pending;
  pending = [];
  return out;
};

const runtime = {
  vuId,
  iterationInVu: 0,
  iterationInTest: 0,
  scenario: scenario ?? { name: role, executor: role, startTime: Date.now() },
  durationMs,
  /** @param {string} name @param {string} type @param {boolean} isTime @param {number | null} value @param {Record<string,string>} tags */
  sample(name, type, isTime, value, tags) {
    pending.push([name, type, isTime, value, { ...baseTags, ...tags }]);
    if (pending.length >= 500) parentPort?.postMessage({ type: 'samples', samples: flush() });
  },
  /** Blocks this thread until the main thread has done the request. */
  http(/** @type {object} */ request) {
    Atomics.store(signalArray, 0, 0);
    parentPort?.postMessage({ type: 'http', request, samples: flush() });
    Atomics.wait(signalArray, 0, 0);
    const reply = receiveMessageOnPort(replies);
    if (!reply) throw new Error('k6 shim: HTTP reply missing');
    return reply.message;
  },
  /** @param {string} reason */
  abort(reason) {
    parentPort?.postMessage({ type: 'abort', reason, samples: flush() });
    throw new Error(`test aborted: ${reason}`);
  },
};

Object.assign(globalThis, {
  __k6shim: runtime,
  __ENV: env,
  __VU: vuId,
  __ITER: 0,
  open: (/** @type {string} */ file, /** @type {string | undefined} */ mode) =>
    readFileSync(path.resolve(path.dirname(script), file), mode === 'b' ? undefined : 'utf8'),
});

const mod = await import(pathToFileURL(script).href);

/** @param {string} name @param {unknown[]} args */
const call = (name, ...args) => (typeof mod[name] === 'function' ? mod[name](...args) : undefined);

const done = (/** @type {object} */ result) =>
  parentPort?.postMessage({ type: 'done', samples: flush(), ...result });

try {
  if (role === 'init') {
    done({ options: mod.options ?? {}, exports: Object.keys(mod) });
  } else if (role === 'setup' || role === 'teardown') {
    const result = call(role, data);
    done({ data: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
  } else if (role === 'summary') {
    done({ outputs: call('handleSummary', data) ?? null });
  } else {
    const exec = mod[scenario.exec];
    if (typeof exec !== 'function')
      throw new Error(`the script exports no function "${scenario.exec}"`);
    for (;;) {
      const index = Atomics.add(/** @type {Int32Array} */ (counterArray), 0, 1);
      if (index >= scenario.iterations) break;
      // constant-arrival-rate: iteration i starts no earlier than startTime + i × pace.
      const wait = scenario.paceMs ? scenario.startTime + index * scenario.paceMs - Date.now() : 0;
      if (wait > 0) Atomics.wait(pacer, 0, 0, wait);
      runtime.iterationInTest = scenario.offset + index;
      globalThis.__ITER = runtime.iterationInVu;
      const started = performance.now();
      try {
        exec(data);
        runtime.sample('iterations', 'counter', false, 1, {});
        runtime.sample('iteration_duration', 'trend', true, performance.now() - started, {});
      } catch (error) {
        if (String(/** @type {Error} */ (error).message).startsWith('test aborted')) throw error;
        console.error(
          `iteration ${index} of ${scenario.name} (VU ${vuId}) failed: ${/** @type {Error} */ (error).stack}`,
        );
      }
      runtime.iterationInVu += 1;
    }
    done({});
  }
} catch (error) {
  parentPort?.postMessage({
    type: 'error',
    message: /** @type {Error} */ (error).stack ?? String(error),
    samples: flush(),
  });
}
