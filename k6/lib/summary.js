// handleSummary for every scenario: a compact text table on stdout (our own, in place of the
// remote jslib textSummary, since scripts import nothing remote) and the full k6 summary data as
// JSON in SUMMARY_JSON (default <scenario>-summary.json in the working directory).

/** @param {number} ms */
const formatMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${ms.toFixed(1)}ms`);

/**
 * @param {string} name
 * @param {{ type: string, contains?: string, values: Record<string, number> }} metric
 */
const describeMetric = (name, metric) => {
  const v = metric.values;
  /** @param {number} x */
  const fmt = (x) => (metric.contains === 'time' ? formatMs(x) : String(Math.round(x * 100) / 100));
  switch (metric.type) {
    case 'trend':
      return Object.entries(v)
        .map(([stat, x]) => `${stat}=${fmt(x)}`)
        .join(' ');
    case 'rate':
      return `${((v.rate ?? 0) * 100).toFixed(2)}% (${v.passes ?? 0} of ${(v.passes ?? 0) + (v.fails ?? 0)})`;
    case 'counter':
      return `${v.count ?? 0} (${(v.rate ?? 0).toFixed(2)}/s)`;
    default:
      return `${fmt(v.value ?? 0)} (min ${fmt(v.min ?? 0)}, max ${fmt(v.max ?? 0)})`;
  }
};

/**
 * @param {any} data the summary data k6 passes to handleSummary
 * @param {string} title
 */
export const textSummary = (data, title) => {
  const lines = [`\n  ${title}`, ''];
  const names = Object.keys(data.metrics).sort();
  const width = Math.max(...names.map((n) => n.length), 10);
  for (const name of names) {
    const metric = data.metrics[name];
    const thresholds = Object.entries(metric.thresholds || {});
    const mark = thresholds.length === 0 ? ' ' : thresholds.every(([, t]) => t.ok) ? '✓' : '✗';
    lines.push(`  ${mark} ${name.padEnd(width)} ${describeMetric(name, metric)}`);
    for (const [expr, t] of thresholds) {
      lines.push(`      ${t.ok ? '✓' : '✗'} ${expr}`);
    }
  }
  const failed = names.flatMap((name) =>
    Object.entries(data.metrics[name].thresholds || {})
      .filter(([, t]) => !t.ok)
      .map(([expr]) => `${name} ${expr}`),
  );
  lines.push(
    '',
    failed.length === 0 ? '  all thresholds passed' : `  THRESHOLDS FAILED: ${failed.join(', ')}`,
    '',
  );
  return lines.join('\n');
};

/**
 * @param {any} data
 * @param {string} scenario
 * @returns {Record<string, string>}
 */
export const summaryOutputs = (data, scenario) => ({
  stdout: textSummary(data, `Tessera ${scenario}`),
  [__ENV.SUMMARY_JSON || `${scenario}-summary.json`]: JSON.stringify(data, null, 2),
});
