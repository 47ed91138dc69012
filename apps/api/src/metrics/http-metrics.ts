// HTTP-level series for /metrics: requests by route and status (the 5xx rate) and open SSE
// subscriptions, counted where every stream passes (the seat-map fast path and the tRPC adapter):
// a GET to a subscription procedure opens one, its response closing ends it.
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';

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
  const requests = new Counter({
    name: 'tessera_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const sseConnections = new Gauge({
    name: 'tessera_sse_connections',
    help: 'Open SSE subscription streams in this process, by procedure',
    labelNames: ['procedure'] as const,
    registers: [registry],
  });
  // Every subscription has a series from the start, so dashboards show 0 rather than no data.
  for (const procedure of subscriptionPaths) sseConnections.set({ procedure }, 0);

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    const procedure = subscriptionOf(request.url, subscriptionPaths);
    if (procedure === null) return;
    sseConnections.inc({ procedure });
    // 'close' fires once the response has ended or its connection dropped, whichever comes first.
    reply.raw.once('close', () => sseConnections.dec({ procedure }));
  });
  app.addHook('onResponse', async (request, reply) => {
    requests.inc({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_code: String(reply.statusCode),
    });
  });
};
