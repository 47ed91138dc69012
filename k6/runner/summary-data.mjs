// The k6 shim's metric sink: collects samples, evaluates thresholds (metric{tag:value} submetrics
// included) and builds the data k6 hands to handleSummary (same shape, the fields our scripts read).

/** @typedef {{ value: number, tags: Record<string, string> }} Sample */
/** @typedef {{ type: string, isTime: boolean, samples: Sample[] }} MetricSink */

export const createSink = () => {
  /** @type {Map<string, MetricSink>} */
  const metrics = new Map();
  for (const [name, type, isTime] of /** @type {const} */ ([
    ['http_reqs', 'counter', false],
    ['http_req_duration', 'trend', true],
    ['http_req_failed', 'rate', false],
    ['checks', 'rate', false],
    ['iterations', 'counter', false],
    ['iteration_duration', 'trend', true],
  ]))
    metrics.set(name, { type, isTime, samples: [] });
  return {
    metrics,
    /** @param {Array<[string, string, boolean, number | null, Record<string, string>]>} samples */
    add(samples) {
      for (const [name, type, isTime, value, tags] of samples) {
        let sink = metrics.get(name);
        if (!sink) metrics.set(name, (sink = { type, isTime, samples: [] }));
        if (value !== null) sink.samples.push({ value, tags });
      }
    },
  };
};

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) => {
  if (sorted.length === 0) return 0;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (
    /** @type {number} */ (sorted[lo]) +
    /** @type {number} */ (sorted[hi] - /** @type {number} */ (sorted[lo])) * (rank - lo)
  );
};

/**
 * One statistic of a metric's samples, as thresholds and summaries name them.
 * @param {string} type @param {Sample[]} samples @param {string} stat @param {number} seconds
 */
export const statistic = (type, samples, stat, seconds) => {
  const values = samples.map((s) => s.value);
  const sum = values.reduce((a, b) => a + b, 0);
  const p = stat.match(/^p\((\d+(?:\.\d+)?)\)$/);
  if (p)
    return percentile(
      [...values].sort((a, b) => a - b),
      Number(p[1]),
    );
  switch (stat) {
    case 'count':
      return type === 'counter' ? sum : values.length;
    case 'rate':
      return type === 'counter'
        ? sum / Math.max(seconds, 0.001)
        : values.length === 0
          ? 0
          : sum / values.length;
    case 'passes':
      return values.filter((v) => v !== 0).length;
    case 'fails':
      return values.filter((v) => v === 0).length;
    case 'avg':
      return values.length === 0 ? 0 : sum / values.length;
    case 'min':
      return values.length === 0 ? 0 : Math.min(...values);
    case 'max':
      return values.length === 0 ? 0 : Math.max(...values);
    case 'med':
      return percentile(
        [...values].sort((a, b) => a - b),
        50,
      );
    case 'value':
      return values.length === 0 ? 0 : /** @type {number} */ (values[values.length - 1]);
    default:
      throw new Error(`unknown statistic "${stat}"`);
  }
};

const OPERATORS = {
  '<': (/** @type {number} */ a, /** @type {number} */ b) => a < b,
  '<=': (/** @type {number} */ a, /** @type {number} */ b) => a <= b,
  '>': (/** @type {number} */ a, /** @type {number} */ b) => a > b,
  '>=': (/** @type {number} */ a, /** @type {number} */ b) => a >= b,
  '==': (/** @type {number} */ a, /** @type {number} */ b) => a === b,
  '===': (/** @type {number} */ a, /** @type {number} */ b) => a === b,
  '!=': (/** @type {number} */ a, /** @type {number} */ b) => a !== b,
};

/** 'p(99)<500' → { stat, operator, bound } */
/** @param {string} expression */
export const parseThreshold = (expression) => {
  const match = expression.match(
    /^\s*([a-z]+|p\(\d+(?:\.\d+)?\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*$/,
  );
  if (!match) throw new Error(`threshold "${expression}" is not of the form <stat><op><number>`);
  const [, stat, operator, bound] =
    /** @type {[string, string, keyof typeof OPERATORS, string]} */ (match);
  return { stat, operator, bound: Number(bound) };
};

/** 'hold_latency{minute:0,hold:best}' → { name, tags } */
/** @param {string} key */
const parseMetricKey = (key) => {
  const match = key.match(/^([^{]+)(?:\{(.*)\})?$/);
  if (!match) throw new Error(`bad threshold metric "${key}"`);
  /** @type {Record<string, string>} */
  const tags = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const i = pair.indexOf(':');
    tags[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
  }
  return { name: /** @type {string} */ (match[1]).trim(), tags };
};

/**
 * @param {ReturnType<typeof createSink>} sink
 * @param {{ thresholds?: Record<string, Array<string | { threshold: string }>>, summaryTrendStats?: string[] }} options
 * @param {{ durationMs: number, checks: Array<{ name: string, passes: number, fails: number }> }} run
 */
export const buildSummary = (sink, options, run) => {
  const seconds = run.durationMs / 1000;
  const trendStats = options.summaryTrendStats ?? ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];
  /** @type {Record<string, any>} */
  const metrics = {};
  /** @param {string} key @param {MetricSink} m @param {Sample[]} samples */
  const entry = (key, m, samples) => {
    const stats =
      m.type === 'trend'
        ? trendStats
        : m.type === 'counter'
          ? ['count', 'rate']
          : m.type === 'rate'
            ? ['rate', 'passes', 'fails']
            : ['value', 'min', 'max'];
    metrics[key] = {
      type: m.type,
      contains: m.isTime ? 'time' : 'default',
      values: Object.fromEntries(stats.map((s) => [s, statistic(m.type, samples, s, seconds)])),
    };
  };
  for (const [name, m] of sink.metrics) if (m.samples.length > 0) entry(name, m, m.samples);

  let failed = false;
  for (const [key, list] of Object.entries(options.thresholds ?? {})) {
    const { name, tags } = parseMetricKey(key);
    const m = sink.metrics.get(name);
    if (!m) throw new Error(`threshold on "${key}": no metric "${name}" exists`);
    const samples = m.samples.filter((s) =>
      Object.entries(tags).every(([k, v]) => s.tags[k] === v),
    );
    if (!metrics[key]) entry(key, m, samples);
    metrics[key].thresholds = {};
    for (const item of list) {
      const expression = typeof item === 'string' ? item : item.threshold;
      const { stat, operator, bound } = parseThreshold(expression);
      const ok = OPERATORS[/** @type {keyof typeof OPERATORS} */ (operator)](
        statistic(m.type, samples, stat, seconds),
        bound,
      );
      metrics[key].thresholds[expression] = { ok };
      if (!ok) failed = true;
    }
  }
  return {
    failed,
    data: {
      metrics,
      root_group: {
        name: '',
        path: '',
        id: 'd41d8cd98f00b204e9800998ecf8427e',
        groups: [],
        checks: run.checks.map((c) => ({ ...c, path: `::${c.name}`, id: c.name })),
      },
      options: { summaryTrendStats: trendStats, summaryTimeUnit: '', noColor: true },
      state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: run.durationMs },
    },
  };
};
