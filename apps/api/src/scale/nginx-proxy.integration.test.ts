// The nginx template (the one docker compose and `pnpm scale` render) in front of two small Node
// upstreams that report what reached them: SSE frames pass unbuffered, the proxy headers the API
// relies on are set (a client cannot choose its own X-Forwarded-For), request ids are kept when
// sane and replaced when not, upstream connections are reused, /metrics stays private, and
// requests are spread over both replicas.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSE_OPTIONS, renderNginxConf } from '../../../../infra/nginx/render.mjs';
import { startNginx, type NginxProcess } from '../../../../scripts/scale.mjs';

const NGINX_PORT = 4340;

interface Seen {
  upstream: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  httpVersion: string;
  socket: number;
}

const seen: Seen[] = [];
let releaseSecondFrame: () => void = () => {};
let nginx: NginxProcess;
const upstreams: http.Server[] = [];

const startUpstream = async (name: string) => {
  let sockets = 0;
  const server = http.createServer((req, res) => {
    const socket = (req.socket as { tesseraId?: number }).tesseraId!;
    seen.push({
      upstream: name,
      url: req.url!,
      headers: req.headers,
      httpVersion: req.httpVersion,
      socket,
    });
    if (req.url === '/trpc/seats.onChange') {
      // No X-Accel-Buffering here: the template itself must not buffer /trpc/.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('data: one\n\n');
      new Promise<void>((resolve) => (releaseSecondFrame = resolve)).then(() =>
        res.end('data: two\n\n'),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name }));
  });
  server.on('connection', (socket) => {
    (socket as { tesseraId?: number }).tesseraId = ++sockets;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstreams.push(server);
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${nginx.url}${path}`, { headers });

beforeAll(async () => {
  const addresses = [await startUpstream('a'), await startUpstream('b')];
  nginx = startNginx({ port: NGINX_PORT, upstreams: addresses, output: 'quiet' });
  for (let i = 0; i < 100; i++) {
    const up = await get('/nginx-health').then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    if (nginx.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not start:\n${nginx.stderr()}`);
});

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(upstreams.map((s) => new Promise((r) => s.close(r))));
});

describe('nginx in front of API replicas', () => {
  it('passes each SSE frame through as the replica writes it', async () => {
    const response = await get('/trpc/seats.onChange');
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    // The second frame is only written after the first arrived here: a buffering proxy would
    // hold the first one back and this read would never complete.
    let text = '';
    while (!text.includes('data: one')) text += decoder.decode((await reader.read()).value);
    releaseSecondFrame();
    while (!text.includes('data: two')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(text).toBe('data: one\n\ndata: two\n\n');
  });

  it('renders /trpc/ unbuffered with timeouts far above the SSE ping interval', () => {
    const conf = renderNginxConf({ ...COMPOSE_OPTIONS });
    const trpc = /location \/trpc\/ \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    expect(trpc).toMatch(/proxy_buffering off;/);
    expect(trpc).toMatch(/proxy_cache off;/);
    expect(trpc).toMatch(/proxy_read_timeout 1h;/);
    expect(conf).not.toMatch(/^\s*gzip on;/m);
  });

  it('sets the forwarding headers and ignores a client-chosen X-Forwarded-For', async () => {
    await get('/trpc/auth.me', { 'x-forwarded-for': '203.0.113.7' });
    const request = seen.findLast((s) => s.url === '/trpc/auth.me')!;
    expect(request.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(request.headers['x-real-ip']).toBe('127.0.0.1');
    expect(request.headers['x-forwarded-proto']).toBe('http');
    // The client's Host with its port: the API's CSRF check compares Origin with it.
    expect(request.headers.host).toBe(`127.0.0.1:${NGINX_PORT}`);
    // HTTP/1.1 with no "Connection: close", so the upstream connection can be kept alive.
    expect(request.httpVersion).toBe('1.1');
    expect(request.headers.connection).toBeUndefined();
  });

  it('keeps a sane X-Request-Id and replaces one that is not', async () => {
    await get('/healthz?sane', { 'x-request-id': 'fan-42.retry:1' });
    await get('/healthz?unsafe', { 'x-request-id': 'bad id with spaces' });
    await get('/healthz?none');
    const idOf = (url: string) => seen.findLast((s) => s.url === url)!.headers['x-request-id'];
    expect(idOf('/healthz?sane')).toBe('fan-42.retry:1');
    expect(idOf('/healthz?unsafe')).toMatch(/^[0-9a-f]{32}$/);
    expect(idOf('/healthz?none')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reuses upstream connections and spreads requests over both replicas', async () => {
    const before = seen.length;
    for (let i = 0; i < 20; i++) await get(`/healthz?spread=${i}`);
    const batch = seen.slice(before);
    const byUpstream = new Map<string, Seen[]>();
    for (const s of batch) byUpstream.set(s.upstream, [...(byUpstream.get(s.upstream) ?? []), s]);
    expect([...byUpstream.keys()].sort()).toEqual(['a', 'b']);
    for (const requests of byUpstream.values()) {
      const sockets = new Set(requests.map((s) => s.socket));
      expect(sockets.size).toBeLessThan(requests.length);
    }
  });

  it('keeps /metrics private and refuses bodies over 1 MiB', async () => {
    const before = seen.length;
    expect((await get('/metrics')).status).toBe(404);
    const big = await fetch(`${nginx.url}/trpc/holds.create`, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    expect(seen.length).toBe(before);
  });
});
