// The worker's HTTP listener for Prometheus: GET /metrics, and GET /healthz for container checks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface MetricsServer {
  server: Server;
  port: number;
  close: () => Promise<void>;
}

export const startMetricsServer = async ({
  registry,
  refresh = () => Promise.resolve(),
  port,
  host,
  logger,
}: {
  registry: Registry;
  /** Reads what the scrape's gauges show, before the registry collects. */
  refresh?: () => Promise<void>;
  port: number;
  host: string;
  logger: Logger;
}): Promise<MetricsServer> => {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') {
      refresh()
        .then(() => registry.metrics())
        .then((body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body))
        .catch((err: unknown) => {
          logger.error({ err }, 'metrics scrape failed');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
        });
      return;
    }
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`WORKER_METRICS_PORT ${port} is already in use: set it to a free port.`)
          : error,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    // Prometheus keeps its connection open: drop it, or close would wait for it to idle out.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
