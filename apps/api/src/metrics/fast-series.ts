// Series for the request path: recording costs one Map lookup, where prom-client hashes the label
// object on every call (a few µs, on every hold). Exposed through the registry's custom-metric
// interface (an object with `name` and `get()`) in prom-client's own format; label values are given
// in `labelNames` order.
import type { Metric, Registry } from 'prom-client';

interface MetricValue {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

const keyOf = (values: readonly string[]) => values.join('\u0000');

const labelsOf = (names: readonly string[], values: readonly string[]) =>
  Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));

abstract class FastSeries {
  constructor(
    readonly name: string,
    readonly help: string,
    protected readonly labelNames: readonly string[],
  ) {}

  abstract readonly type: 'counter' | 'histogram';
  protected abstract values(): MetricValue[];

  // What the registry reads on each scrape.
  get() {
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: 'sum' as const,
      values: this.values(),
    });
  }

  register(registry: Registry) {
    registry.registerMetric(this as unknown as Metric);
  }
}

export class FastCounter extends FastSeries {
  readonly type = 'counter';
  private readonly series = new Map<string, { labels: string[]; value: number }>();

  inc(labelValues: readonly string[], by = 1) {
    const key = keyOf(labelValues);
    const found = this.series.get(key);
    if (found) found.value += by;
    else this.series.set(key, { labels: [...labelValues], value: by });
  }

  protected values(): MetricValue[] {
    return [...this.series.values()].map((s) => ({
      labels: labelsOf(this.labelNames, s.labels),
      value: s.value,
    }));
  }
}

export class FastHistogram extends FastSeries {
  readonly type = 'histogram';
  private readonly series = new Map<
    string,
    { labels: string[]; counts: Float64Array; sum: number; count: number }
  >();

  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    private readonly bounds: readonly number[],
  ) {
    super(name, help, labelNames);
  }

  observe(labelValues: readonly string[], value: number) {
    const key = keyOf(labelValues);
    let s = this.series.get(key);
    if (!s) {
      s = {
        labels: [...labelValues],
        counts: new Float64Array(this.bounds.length + 1),
        sum: 0,
        count: 0,
      };
      this.series.set(key, s);
    }
    let bucket = 0;
    while (bucket < this.bounds.length && value > this.bounds[bucket]!) bucket += 1;
    s.counts[bucket]! += 1;
    s.sum += value;
    s.count += 1;
  }

  protected values(): MetricValue[] {
    const out: MetricValue[] = [];
    for (const s of this.series.values()) {
      const labels = labelsOf(this.labelNames, s.labels);
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += s.counts[i]!;
        out.push({
          metricName: `${this.name}_bucket`,
          labels: { le, ...labels },
          value: cumulative,
        });
      });
      out.push({
        metricName: `${this.name}_bucket`,
        labels: { le: '+Inf', ...labels },
        value: s.count,
      });
      out.push({ metricName: `${this.name}_sum`, labels, value: s.sum });
      out.push({ metricName: `${this.name}_count`, labels, value: s.count });
    }
    return out;
  }
}
