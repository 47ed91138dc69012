// `pnpm --filter @tessera/api exec tsx src/bench/bench-fanout-writes.ts`: the cost of the SSE fast
// path's socket write alone, A/B in one process and one run (alternating rounds, so a busy box
// weighs on both alike). N HTTP SSE responses on loopback (clients in 2 child processes that only
// read); each round writes one ~400-byte event to every response, either through `res.write`
// (what the fast path did: chunk framing added per call, cork, writev of three buffers, uncork on
// the next tick) or as one pre-framed chunk straight to the socket (what it does now). Prints the
// median and best server CPU µs per socket write of each.
import { fork } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const N = Number(process.env.FANOUT_WRITES_SOCKETS ?? 5_000);
const ROUNDS = 12;
const print = (line: string) => process.stdout.write(`${line}\n`);

if (process.argv[2] === 'client') {
  const [port, count] = [Number(process.argv[3]), Number(process.argv[4])];
  for (let i = 0; i < count; i++) {
    const socket = net.connect(port, '127.0.0.1');
    socket.write('GET / HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n');
    socket.on('data', () => undefined);
    if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  process.on('disconnect', () => process.exit(0));
} else {
  const responses: http.ServerResponse[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.flushHeaders();
    responses.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const script = fileURLToPath(import.meta.url);
  const clients = [N - Math.floor(N / 2), Math.floor(N / 2)].map((count) =>
    fork(script, ['client', String(port), String(count)], { execArgv: ['--import', 'tsx'] }),
  );
  while (responses.length < N) await new Promise((resolve) => setTimeout(resolve, 50));

  const raw = Buffer.from(`data: {"kind":"delta",${'"x":1,'.repeat(60)}"y":2}\nid: 123\n\n\n`);
  const chunked = Buffer.concat([
    Buffer.from(`${raw.length.toString(16)}\r\n`),
    raw,
    Buffer.from('\r\n'),
  ]);
  const ways = {
    'res.write': (res: http.ServerResponse) => res.write(raw),
    'socket.write of a pre-framed chunk': (res: http.ServerResponse) => res.socket!.write(chunked),
  };
  const samples = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, write] of Object.entries(ways)) {
      const before = process.cpuUsage();
      for (const res of responses) write(res);
      // Until the deferred uncorks (res.write) have run too.
      await new Promise((resolve) => setImmediate(resolve));
      const { user, system } = process.cpuUsage(before);
      samples.get(name)!.push((user + system) / N);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  print(`${N} SSE responses, ${raw.length}-byte event, ${ROUNDS} alternating rounds:`);
  for (const [name, values] of samples) {
    values.sort((a, b) => a - b);
    print(
      `  ${name.padEnd(36)} CPU µs/socket median ${values[Math.floor(ROUNDS / 2)]!.toFixed(1)}, best ${values[0]!.toFixed(1)}`,
    );
  }
  for (const client of clients) client.disconnect();
  for (const res of responses) res.destroy();
  server.close();
}
