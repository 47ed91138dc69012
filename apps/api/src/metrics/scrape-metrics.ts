// Scrapes a /metrics endpoint in tests: the samples, and every series name the process declares
// (its # TYPE lines), which is what a dashboard may read even before a sample exists.
import { expect } from 'vitest';
import { declaredNames, parseExposition, type Sample } from './scrape-parser.ts';

export const scrapeMetrics = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const body = await response.text();
  return { samples: parseExposition(body), declared: declaredNames(body) };
};

/** Scrapes until `ready` holds (the worker applies changes on its own ticks), then returns it. */
export const scrapeUntil = async (
  url: string,
  ready: (samples: Sample[]) => boolean,
  timeoutMs = 15_000,
): Promise<Sample[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { samples } = await scrapeMetrics(url);
    if (ready(samples)) return samples;
    if (Date.now() > deadline) throw new Error(`metrics at ${url} never became ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
