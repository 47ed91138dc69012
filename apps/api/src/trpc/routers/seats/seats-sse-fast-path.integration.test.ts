// Contract: the seats.onChange SSE fast path speaks the official tRPC adapter's wire format, byte
// for byte on the stream's first events, for a snapshot, a resume, an error and bad input; and on
// the wire (it writes HTTP chunks to the socket itself) each event is one whole chunk, the stream
// ends with the last chunk and the keep-alive connection carries the next response cleanly.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { holdSeats } from '@tessera/core/holds/hold-seats';
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

/** One keep-alive TCP connection that reads HTTP/1.1 responses with chunked bodies, chunk by chunk. */
const rawConnection = async (base: string) => {
  const { hostname, port } = new URL(base);
  const socket = net.connect(Number(port), hostname);
  socket.setEncoding('latin1');
  let input = '';
  let wake: ((closed: boolean) => void) | undefined;
  socket.on('data', (data: string) => {
    input += data;
    wake?.(false);
  });
  socket.on('close', () => wake?.(true));
  const more = () =>
    new Promise<void>((resolve, reject) => {
      wake = (closed) => (closed ? reject(new Error('connection closed')) : resolve());
    });
  return {
    get: (path: string) =>
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAccept: text/event-stream\r\n\r\n`,
      ),
    /** The next response's status line and headers (lower-cased). */
    head: async () => {
      while (!input.includes('\r\n\r\n')) await more();
      const end = input.indexOf('\r\n\r\n');
      const head = input.slice(0, end).toLowerCase();
      input = input.slice(end + 4);
      return head;
    },
    /** The next chunk's data ('' for the last chunk); throws on anything but a chunk. */
    chunk: async () => {
      for (;;) {
        const line = input.indexOf('\r\n');
        if (line >= 0) {
          const sizeText = input.slice(0, line);
          if (!/^[0-9a-f]+$/.test(sizeText))
            throw new Error(`not a chunk: ${JSON.stringify(input)}`);
          const size = parseInt(sizeText, 16);
          if (input.length >= line + size + 4) {
            const data = input.slice(line + 2, line + 2 + size);
            if (input.slice(line + 2 + size, line + size + 4) !== '\r\n')
              throw new Error('bad chunk end');
            input = input.slice(line + size + 4);
            return data;
          }
        }
        await more();
      }
    },
    close: () => socket.destroy(),
  };
};

describe('seats.onChange SSE fast path on the wire', () => {
  it('sends each event as one chunk, ends with the last chunk, and leaves the connection usable', async () => {
    const sale = await createSaleEvent({ testApp: fast });
    const path = (eventId: string) =>
      `/trpc/seats.onChange?input=${encodeURIComponent(JSON.stringify({ eventId }))}`;
    const connection = await rawConnection(urls.fast);
    try {
      // An unknown event: connected, the error, then the end of the response.
      connection.get(path(randomUUID()));
      expect(await connection.head()).toMatch(/^http\/1\.1 200[^]*transfer-encoding: chunked/);
      expect(await connection.chunk()).toMatch(/^event: connected\n.*\n\n\n$/s);
      expect(await connection.chunk()).toMatch(/^event: serialized-error\ndata: .*\n\n\n$/s);
      expect(await connection.chunk()).toBe('');

      // The same connection, a live stream: snapshot, then a hold's delta, each a chunk of its own.
      connection.get(path(sale.event.id));
      expect(await connection.head()).toMatch(/^http\/1\.1 200/);
      expect(await connection.chunk()).toMatch(/^event: connected\n/);
      const snapshot = await connection.chunk();
      const version = Number(/\nid: (\d+)\n\n\n$/.exec(snapshot)![1]);
      const seatId = sale.rowA[0]!;
      await holdSeats({
        redis: fast.redis,
        prefix: fast.config.redisPrefix,
        eventId: sale.event.id,
        userId: randomUUID(),
        seatIds: [seatId],
        ttlMs: 60_000,
        perUserSeatLimit: 2,
      });
      const delta = /^data: (.*)\nid: (\d+)\n\n\n$/s.exec(await connection.chunk())!;
      expect(JSON.parse(delta[1]!)).toMatchObject({
        kind: 'delta',
        fromVersion: version,
        toVersion: version + 1,
        seats: [[seatId, 'h']],
      });
      expect(delta[2]).toBe(String(version + 1));
    } finally {
      connection.close();
    }
  });
});
