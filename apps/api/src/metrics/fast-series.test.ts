// The hand-rolled series print exactly what prom-client's own Counter and Histogram print for the
// same observations, so Prometheus and the dashboard cannot tell them apart.
import { Counter, Histogram, Registry } from 'prom-client';
import { expect, it } from 'vitest';
import { FastCounter, FastHistogram } from './fast-series.ts';

const BUCKETS = [0.005, 0.05, 0.5, 5];
const OBSERVATIONS: Array<[procedure: string, outcome: string, seconds: number]> = [
  ['holds.create', 'ok', 0.004],
  ['holds.create', 'ok', 0.05],
  ['holds.create', 'CONFLICT', 0.2],
  ['events.list', 'ok', 7],
  ['holds.create', 'ok', 0.0051],
  ['events.list', 'BAD_REQUEST', 0],
];

const sortedLines = (text: string) => text.split('\n').filter(Boolean).sort();

it('prints the same exposition as prom-client for the same observations', async () => {
  const reference = new Registry();
  const histogram = new Histogram({
    name: 'x_seconds',
    help: 'latency',
    labelNames: ['procedure', 'outcome'],
    buckets: BUCKETS,
    registers: [reference],
  });
  const counter = new Counter({
    name: 'x_total',
    help: 'answers',
    labelNames: ['procedure', 'outcome'],
    registers: [reference],
  });
  const fast = new Registry();
  const fastHistogram = new FastHistogram(
    'x_seconds',
    'latency',
    ['procedure', 'outcome'],
    BUCKETS,
  );
  const fastCounter = new FastCounter('x_total', 'answers', ['procedure', 'outcome']);
  fastHistogram.register(fast);
  fastCounter.register(fast);

  for (const [procedure, outcome, seconds] of OBSERVATIONS) {
    histogram.observe({ procedure, outcome }, seconds);
    counter.inc({ procedure, outcome });
    fastHistogram.observe([procedure, outcome], seconds);
    fastCounter.inc([procedure, outcome]);
  }
  expect(sortedLines(await fast.metrics())).toEqual(sortedLines(await reference.metrics()));
});
