// The metric names a PromQL expression reads (tests check a dashboard against real scrapes).
// Strings, label matchers, ranges, grouping clauses, Grafana variables and numbers go first; an
// identifier followed by "(" is a function; what remains, minus PromQL keywords, are metric names.
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

export const metricNamesOf = (expr: string): string[] => {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ')
    .replace(/(?<![\w:])\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/([A-Za-z_:][\w:]*)\s*(\()?/g)) {
    const [, identifier, call] = match;
    if (call || KEYWORDS.has(identifier!.toLowerCase())) continue;
    names.add(identifier!);
  }
  return [...names];
};
