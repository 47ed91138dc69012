// HTTP-level series for /metrics: requests by route and status (the 5xx rate) and open SSE
// subscriptions, counted where every stream passes (the seat-map fast path and the tRPC adapter):
// a GET to a subscription procedure opens one, its response closing ends it.
import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import { FastCounter } from './fast-series.ts';

export interface HttpMetricsOptions {
  registry: Registry;
  /** tRPC procedure paths that are subscriptions (served as SSE on GET /trpc/<path>). */
  subscriptionPaths: ReadonlySet<string>;
}

const TRPC_PREFIX = '/trpc/';

/** The subscription a request opens, or null (batches never carry subscriptions). */
const subscriptionOf = (url: string, paths: ReadonlySet<string>): string | null => {
  if (!url.startsWith(TRPC_PREFIX)) return null;
  const end = url.indexOf('?');
  const path = url.slice(TRPC_PREFIX.length, end === -1 ? undefined : end);
  return paths.has(path) ? path : null;
};

export const registerHttpMetrics = (
  app: FastifyInstance,
  { registry, subscriptionPaths }: HttpMetricsOptions,
) => {
  const requests = new FastCounter(
    'tessera_http_requests_total',
    'HTTP requests answered, by method, route pattern and status code',
    ['method', 'route', 'status_code'],
  );
  requests.register(registry);
  const sseConnections = new Gauge({
    name: 'tessera_sse_connections',
    help: 'Open SSE subscription streams in this process, by procedure',
    labelNames: ['procedure'] as const,
    registers: [registry],
  });
  // Every subscription has a series from the start, so dashboards show 0 rather than no data.
  for (const procedure of subscriptionPaths) sseConnections.set({ procedure }, 0);

  // Callback hooks, not async ones: no promise per request on the hot paths.
  app.addHook('onRequest', (request, reply, done) => {
    const procedure =
      request.method === 'GET' ? subscriptionOf(request.url, subscriptionPaths) : null;
    if (procedure !== null) {
      sseConnections.inc({ procedure });
      // 'close' fires once the response has ended or its connection dropped, whichever is first.
      reply.raw.once('close', () => sseConnections.dec({ procedure }));
    }
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    requests.inc([
      request.method,
      request.routeOptions.url ?? 'unmatched',
      String(reply.statusCode),
    ]);
    done();
  });
};
