// Child process of the fan-out benchmark: holds N raw SSE connections to seats.onChange (node:http,
// one keep-alive agent, no EventSource objects) and times every delta against the Redis time of
// each change it carries (the change's stream entry id), read once at the end of a phase.
import http from 'node:http';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { eventKeys } from '@tessera/core/holds/keys';

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
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const sockets: http.ClientRequest[] = [];
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

const open = (url: string) =>
  new Promise<void>((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          onEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      });
      res.on('error', () => undefined);
      resolve();
    });
    request.on('error', (error) => (sockets.includes(request) ? undefined : reject(error)));
    sockets.push(request);
  });

const waitForSnapshots = async (count: number) => {
  while (snapshots < count) await new Promise((resolve) => setTimeout(resolve, 50));
};

/** Redis time (ms) of every version in the event's stream, from the entry ids. */
const changeTimes = async ({
  redisUrl,
  prefix,
  eventId,
}: Omit<SubscribersCommand & { type: 'report' }, 'type'>) => {
  const redis = createRedisClient({ redisUrl });
  const times = new Map<number, number>();
  let start = '-';
  for (;;) {
    const page = (await redis.xrange(
      eventKeys({ prefix, eventId }).stream,
      start,
      '+',
      'COUNT',
      5_000,
    )) as [string, string[]][];
    for (const [id, fields] of page) {
      times.set(Number(fields[fields.indexOf('v') + 1]), Number(id.split('-')[0]));
    }
    if (page.length < 5_000) break;
    start = `(${page.at(-1)![0]}`;
  }
  await redis.quit();
  return times;
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
      const times = await changeTimes(command);
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
      for (const request of sockets.splice(0)) request.destroy();
      snapshots = 0;
      process.send?.({ type: 'closed' });
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
