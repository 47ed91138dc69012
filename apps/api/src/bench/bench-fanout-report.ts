// What `pnpm bench:fanout` prints: the run's header, one line per level as it finishes, then the
// tables of all levels (latency, memory and CPU per subscriber; where the server spends the time)
// and the verdict against the 250 ms target, with 1 subscriber of the same run as the ceiling.
import { loadavg } from 'node:os';

export const TARGET_P99_MS = 250;

const print = (line: string) => process.stdout.write(`${line}\n`);

/** Where the time goes on the server, from the hub trace (all in ms unless named µs). */
export interface ServerBreakdown {
  deltas: number;
  waitP50: number;
  waitP99: number;
  writtenP50: number;
  writtenP99: number;
  fanoutP50: number;
  fanoutP99: number;
  microsPerSocket: number;
}

export interface LevelResult {
  subscribers: number;
  p50: number;
  p99: number;
  max: number;
  messagesPerSubscriber: number;
  changes: number;
  untimed: number;
  resyncs: number;
  heapPerSubscriber: number;
  rssPerSubscriber: number;
  cpuPercent: number;
  cpuMicrosPerMessage: number;
  systemMicrosPerMessage: number;
  loopDelayP99Ms: number;
  clientCpuPercent: number;
  holds: number;
  server: ServerBreakdown;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export const printRunHeader = ({
  seats,
  rate,
  seconds,
  clientProcesses,
  coalesceWindowMs,
  baseline,
}: {
  seats: number;
  rate: number;
  seconds: number;
  clientProcesses: number;
  coalesceWindowMs: number;
  baseline: { rss: number; heapUsed: number };
}) => {
  print(
    `seats.onChange fan-out: ${seats} seats, ${rate} single-seat holds/s for ${seconds} s per level, ` +
      `${clientProcesses} client processes, coalescing ${coalesceWindowMs} ms, load average ${loadavg()[0]!.toFixed(1)}`,
  );
  print(
    `Server baseline: RSS ${(baseline.rss / 2 ** 20).toFixed(0)} MiB, heap ${(baseline.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
};

export const printLevelLine = (
  result: LevelResult,
  hub: { readers: number; listeners: number },
) => {
  print(
    `  ${result.subscribers} subscribers: p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms; ` +
      `${result.messagesPerSubscriber.toFixed(0)} messages/subscriber for ${result.holds} holds; ` +
      `hub readers ${hub.readers}, listeners ${hub.listeners} (subscribers + the trace)`,
  );
};

const printLevelTable = (results: LevelResult[]) => {
  print(
    '\nsubscribers  p50 ms  p99 ms  max ms  msgs/sub  changes/sub  resyncs  heap KiB/sub  RSS KiB/sub  server CPU  CPU µs/msg  loop p99 ms  client CPU  p99/250ms',
  );
  for (const r of results) {
    print(
      [
        String(r.subscribers).padStart(11),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        String(r.max).padStart(7),
        r.messagesPerSubscriber.toFixed(0).padStart(9),
        r.changes.toFixed(0).padStart(12),
        String(r.resyncs).padStart(8),
        kb(r.heapPerSubscriber).padStart(13),
        kb(r.rssPerSubscriber).padStart(12),
        `${r.cpuPercent.toFixed(0)}%`.padStart(11),
        r.cpuMicrosPerMessage.toFixed(1).padStart(11),
        r.loopDelayP99Ms.toFixed(0).padStart(12),
        `${r.clientCpuPercent.toFixed(0)}%`.padStart(11),
        (r.p99 / TARGET_P99_MS).toFixed(2).padStart(10),
      ].join(' '),
    );
  }
};

const printServerTable = (results: LevelResult[]) => {
  print(
    "\nOn the server (hub trace): change → its delta starts going out, → written to the last socket; one delta's fan-out",
  );
  print(
    'subscribers  deltas  wait p50  wait p99  written p50  written p99  fan-out p50 ms  fan-out p99 ms  wall µs/socket  CPU µs/msg of which kernel',
  );
  for (const { subscribers, server: t, cpuMicrosPerMessage, systemMicrosPerMessage } of results) {
    print(
      [
        String(subscribers).padStart(11),
        String(t.deltas).padStart(7),
        t.waitP50.toFixed(0).padStart(9),
        t.waitP99.toFixed(0).padStart(9),
        t.writtenP50.toFixed(0).padStart(12),
        t.writtenP99.toFixed(0).padStart(12),
        t.fanoutP50.toFixed(1).padStart(15),
        t.fanoutP99.toFixed(1).padStart(15),
        t.microsPerSocket.toFixed(1).padStart(15),
        cpuMicrosPerMessage.toFixed(1).padStart(11),
        systemMicrosPerMessage.toFixed(1).padStart(16),
      ].join(' '),
    );
  }
};

/** The tables of every level, then the verdict: the first level (1 subscriber) is the ceiling. */
export const printFanoutReport = (results: LevelResult[]) => {
  printLevelTable(results);
  printServerTable(results);
  const ceiling = results[0]!;
  const top = results.at(-1)!;
  print(
    `\nCeiling (1 subscriber, same run): p99 ${ceiling.p99} ms. At ${top.subscribers}: p99 ${top.p99} ms ` +
      `(${(top.p99 / Math.max(1, ceiling.p99)).toFixed(1)}× the ceiling) = ` +
      `${((top.p99 / TARGET_P99_MS) * 100).toFixed(0)}% of the 250 ms target (${top.p99 < TARGET_P99_MS ? 'met' : 'MISSED'}); ` +
      `load average now ${loadavg()[0]!.toFixed(1)}.`,
  );
  if (results.some((r) => r.untimed > 0))
    print('Some changes were trimmed from the stream before timing.');
};
