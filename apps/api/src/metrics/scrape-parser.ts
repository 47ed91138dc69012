// Reads Prometheus text exposition in tests: every sample as name, labels and value.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

export const parseExposition = (body: string): Sample[] =>
  body
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const brace = line.indexOf('{');
      const space = line.lastIndexOf(' ');
      const name = brace === -1 ? line.slice(0, line.indexOf(' ')) : line.slice(0, brace);
      const labels: Record<string, string> = {};
      if (brace !== -1) {
        for (const [, key, value] of line.slice(brace, line.lastIndexOf('}') + 1).matchAll(LABEL))
          labels[key!] = value!;
      }
      return { name, labels, value: Number(line.slice(space + 1)) };
    });

/** Sum of the samples named `name` whose labels include `labels`; null when there is none. */
export const valueOf = (
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | null => {
  const matching = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  return matching.length === 0 ? null : matching.reduce((sum, s) => sum + s.value, 0);
};

export const sampleNames = (samples: Sample[]) => new Set(samples.map((s) => s.name));

const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * Every sample name a scrape declares (`# TYPE` lines), whether or not it has samples yet: a gauge
 * per running window has none while no window runs, yet Prometheus will see it when one does.
 */
export const declaredNames = (body: string): Set<string> => {
  const names = new Set<string>();
  for (const [, name, type] of body.matchAll(/^# TYPE (\S+) (\S+)$/gm))
    for (const suffix of SUFFIXES[type!] ?? ['']) names.add(`${name!}${suffix}`);
  return names;
};
