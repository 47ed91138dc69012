// k6 duration strings ('500ms', '30s', '5m', '1h30m') in milliseconds.
/** @param {string | number} text */
export const durationMs = (text) => {
  if (typeof text === 'number') return text;
  const parts = String(text).match(/(\d+(?:\.\d+)?)(ms|s|m|h)/g) ?? [];
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return parts.reduce((sum, p) => {
    const [, n, u] = /** @type {RegExpMatchArray} */ (p.match(/(\d+(?:\.\d+)?)(ms|s|m|h)/));
    return sum + Number(n) * unit[/** @type {keyof typeof unit} */ (u)];
  }, 0);
};
