// Child process of the fan-out benchmark: holds N raw SSE connections to seats.onChange and times
// every delta against the Redis time of each change it carries (the change's stream entry id), read
// once at the end of a phase. Each connection is a plain TCP socket with a minimal HTTP/1.1 reader
// (status line, chunked body, SSE events split on blank lines) instead of node:http's client: the
// subscribers share the box's cores with the server, so their parsing cost is kept small, but every
// byte is still read and every event parsed, and a delta is timed when its event is complete.
import net from 'node:net';
import { readChangeTimes } from './bench-fanout-stream-times.ts';

export type SubscribersCommand =
  | { type: 'open'; url: string; count: number }
  | { type: 'start' }
  | { type: 'report'; redisUrl: string; prefix: string; eventId: string }
  | { type: 'close' };

export interface SubscribersReport {
  type: 'report';
  /** Latency histogram of change → receipt, 1 ms buckets (last bucket: ≥ its index). */
  histogram: number[];
  messages: number;
  subscribers: number;
  /** Changes whose stream entry was already trimmed (not timed). */
  untimed: number;
  resyncs: number;
  /** This client process's CPU time while recording (µs): a starved client inflates latency. */
  cpuMicros: number;
}

const MAX_MS = 10_000;
const sockets: net.Socket[] = [];
let snapshots = 0;
let recording = false;
/** Receipt times by "from:to": every subscriber gets the same deltas, so they group well. */
let received = new Map<string, number[]>();
let messages = 0;
/** Snapshots received while recording: the server saw a gap and resynced the subscriber. */
let resyncs = 0;
let recordingCpu = process.cpuUsage();

const DELTA = /"fromVersion":(\d+),"toVersion":(\d+)/;

const onEvent = (block: string) => {
  if (block.includes('"kind":"snapshot"')) {
    snapshots += 1;
    if (recording) resyncs += 1;
    return;
  }
  if (!recording) return;
  const match = DELTA.exec(block);
  if (!match) return;
  const at = Date.now();
  const key = `${match[1]}:${match[2]}`;
  let times = received.get(key);
  if (!times) received.set(key, (times = []));
  times.push(at);
  messages += 1;
};

/**
 * Opens one SSE GET on a raw socket; resolves once the response's headers say 200. The body is read
 * as latin1 (one char per byte), so chunk sizes count chars and ASCII markers match as is.
 */
const open = (url: string) =>
  new Promise<void>((resolve, reject) => {
    const { hostname, port, pathname, search } = new URL(url);
    const socket = net.connect({ host: hostname, port: Number(port), noDelay: true });
    socket.setEncoding('latin1');
    socket.write(
      `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
        'Accept: text/event-stream\r\nConnection: keep-alive\r\n\r\n',
    );
    let head = true;
    /** Bytes received and not consumed yet (headers, then the chunked body). */
    let input = '';
    /** Decoded body not yet split into events. */
    let body = '';
    socket.on('data', (data: string) => {
      input += data;
      if (head) {
        const end = input.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headers = input.slice(0, end).toLowerCase();
        input = input.slice(end + 4);
        head = false;
        if (!headers.startsWith('http/1.1 200')) {
          socket.destroy();
          return reject(new Error(`SSE answered ${headers.split('\r\n')[0]}`));
        }
        if (!headers.includes('transfer-encoding: chunked')) {
          socket.destroy();
          return reject(new Error('SSE response is not chunked'));
        }
        resolve();
      }
      // Chunks: "<hex size>\r\n<size bytes>\r\n"; a partial chunk waits for more data.
      for (;;) {
        const line = input.indexOf('\r\n');
        if (line < 0) break;
        const size = parseInt(input.slice(0, line), 16);
        if (input.length < line + 2 + size + 2) break;
        body += input.slice(line + 2, line + 2 + size);
        input = input.slice(line + 2 + size + 2);
      }
      let end;
      while ((end = body.indexOf('\n\n')) >= 0) {
        onEvent(body.slice(0, end));
        body = body.slice(end + 2);
      }
    });
    socket.on('error', (error) => (head ? reject(error) : undefined));
    sockets.push(socket);
  });

const waitForSnapshots = async (count: number) => {
  while (snapshots < count) await new Promise((resolve) => setTimeout(resolve, 50));
};

process.on('message', (command: SubscribersCommand) => {
  void (async () => {
    if (command.type === 'open') {
      const target = snapshots + command.count;
      // A few at a time, as fans arriving: each one costs the server a snapshot.
      for (let i = 0; i < command.count; i += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, command.count - i) }, () => open(command.url)),
        );
      }
      await waitForSnapshots(target);
      process.send?.({ type: 'opened', subscribers: sockets.length });
    } else if (command.type === 'start') {
      received = new Map();
      messages = 0;
      resyncs = 0;
      recordingCpu = process.cpuUsage();
      recording = true;
      process.send?.({ type: 'started' });
    } else if (command.type === 'report') {
      recording = false;
      const times = await readChangeTimes(command);
      const histogram = new Array<number>(MAX_MS + 1).fill(0);
      let untimed = 0;
      for (const [key, receipts] of received) {
        const [from, to] = key.split(':').map(Number) as [number, number];
        for (let version = from + 1; version <= to; version++) {
          const at = times.get(version);
          if (at === undefined) {
            untimed += receipts.length;
            continue;
          }
          for (const receipt of receipts)
            histogram[Math.min(MAX_MS, Math.max(0, receipt - at))]! += 1;
        }
      }
      const report: SubscribersReport = {
        type: 'report',
        histogram,
        messages,
        subscribers: sockets.length,
        untimed,
        resyncs,
        cpuMicros: (({ user, system }) => user + system)(process.cpuUsage(recordingCpu)),
      };
      process.send?.(report);
    } else if (command.type === 'close') {
      for (const socket of sockets.splice(0)) socket.destroy();
      snapshots = 0;
      process.send?.({ type: 'closed' });
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
