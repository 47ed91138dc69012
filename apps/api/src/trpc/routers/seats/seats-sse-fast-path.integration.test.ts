// Contract: the seats.onChange SSE fast path speaks the official tRPC adapter's wire format, byte
// for byte on the stream's first events, for a snapshot, a resume, an error and bad input.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaleEvent } from '../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';

let fast: TestApp;
let official: TestApp;
const urls: Record<'fast' | 'official', string> = { fast: '', official: '' };

beforeAll(async () => {
  fast = await startTestApp();
  // Same Redis prefix, so both serve the same seat state.
  official = await startTestApp({ redisPrefix: fast.config.redisPrefix }, { trpcFastPath: false });
  urls.fast = await fast.listen();
  urls.official = await official.listen();
});

afterAll(async () => {
  await official.app.close();
  await fast.close();
});

/** The first `count` SSE events of a GET, as raw text, then the connection is dropped. */
const readEvents = async (
  base: string,
  input: unknown,
  count: number,
  headers: Record<string, string> = {},
) => {
  const controller = new AbortController();
  const url = `${base}/trpc/seats.onChange?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(url, { headers, signal: controller.signal });
  const type = response.headers.get('content-type');
  if (!type?.startsWith('text/event-stream')) {
    const body = await response.text();
    return { status: response.status, type, events: [] as string[], body };
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (text.split('\n\n\n').length <= count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  controller.abort();
  return { status: response.status, type, events: text.split('\n\n\n').slice(0, count), body: '' };
};

describe('seats.onChange SSE fast path', () => {
  it('sends the same connected event and snapshot as the adapter', async () => {
    const sale = await createSaleEvent({ testApp: fast });
    const input = { eventId: sale.event.id };
    const [a, b] = await Promise.all([
      readEvents(urls.fast, input, 2),
      readEvents(urls.official, input, 2),
    ]);
    expect(a.status).toBe(200);
    expect(a.events).toEqual(b.events);
    expect(a.events[1]).toMatch(/^data: \{"kind":"snapshot".*\nid: \d+$/s);
    expect(a.type).toBe(b.type);
  });

  it('resumes from Last-Event-ID the same way', async () => {
    const sale = await createSaleEvent({ testApp: fast });
    const input = { eventId: sale.event.id };
    const [snapshot] = (await readEvents(urls.fast, input, 2)).events.slice(1);
    const version = /id: (\d+)$/.exec(snapshot!)![1]!;
    // Nothing missed: the resume sends nothing after `connected` until a change; compare that.
    const [a, b] = await Promise.all([
      readEvents(urls.fast, input, 1, { 'last-event-id': version }),
      readEvents(urls.official, input, 1, { 'last-event-id': version }),
    ]);
    expect(a.events).toEqual(b.events);
  });

  it('reports an unknown event as the same serialized error', async () => {
    const input = { eventId: randomUUID() };
    const [a, b] = await Promise.all([
      readEvents(urls.fast, input, 2),
      readEvents(urls.official, input, 2),
    ]);
    expect(a.events[1]).toMatch(/^event: serialized-error\ndata: /);
    expect(a.events).toEqual(b.events);
  });

  it('answers invalid input like the adapter (it is the adapter)', async () => {
    const input = { eventId: 'not-a-uuid' };
    const [a, b] = await Promise.all([
      readEvents(urls.fast, input, 2),
      readEvents(urls.official, input, 2),
    ]);
    expect(a.status).toBe(b.status);
    expect(a.events[1]).toMatch(/^event: serialized-error\ndata: .*BAD_REQUEST/s);
    expect(a.events).toEqual(b.events);
  });
});
