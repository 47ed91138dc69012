// `k6/metrics` in the shim: every add() becomes a sample the main thread aggregates.
const rt = globalThis.__k6shim;

class Metric {
  /** @param {string} name @param {boolean} [isTime] @param {string} type */
  constructor(name, isTime = false, type = 'trend') {
    this.name = name;
    this.type = type;
    this.isTime = isTime;
    // Declares the metric (k6 knows every metric made in init code, sampled or not).
    rt.sample(name, type, isTime, null, {});
  }
  /** @param {number | boolean} value @param {Record<string, string>} [tags] */
  add(value, tags = {}) {
    rt.sample(this.name, this.type, this.isTime, Number(value), tags);
  }
}

export class Counter extends Metric {
  /** @param {string} name @param {boolean} [isTime] */
  constructor(name, isTime) {
    super(name, isTime, 'counter');
  }
}
export class Gauge extends Metric {
  /** @param {string} name @param {boolean} [isTime] */
  constructor(name, isTime) {
    super(name, isTime, 'gauge');
  }
}
export class Trend extends Metric {
  /** @param {string} name @param {boolean} [isTime] */
  constructor(name, isTime) {
    super(name, isTime, 'trend');
  }
}
export class Rate extends Metric {
  /** @param {string} name @param {boolean} [isTime] */
  constructor(name, isTime) {
    super(name, isTime, 'rate');
  }
  /** @param {number | boolean} value @param {Record<string, string>} [tags] */
  add(value, tags = {}) {
    rt.sample(this.name, 'rate', false, value ? 1 : 0, tags);
  }
}

export default { Counter, Gauge, Trend, Rate };
