// `k6` in the shim: check, sleep, group, fail.
const rt = globalThis.__k6shim;

/**
 * @param {unknown} value
 * @param {Record<string, (v: any) => unknown>} checks
 * @param {Record<string, string>} [tags]
 */
export const check = (value, checks, tags = {}) => {
  let all = true;
  for (const [name, fn] of Object.entries(checks)) {
    const ok = Boolean(fn(value));
    rt.sample('checks', 'rate', false, ok ? 1 : 0, { ...tags, check: name });
    all &&= ok;
  }
  return all;
};

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** @param {number} seconds */
export const sleep = (seconds) => {
  if (seconds > 0) Atomics.wait(sleeper, 0, 0, seconds * 1000);
};

/** @template T @param {string} _name @param {() => T} fn */
export const group = (_name, fn) => fn();

/** @param {string} [reason] */
export const fail = (reason = '') => {
  throw new Error(reason);
};

export default { check, sleep, group, fail };
