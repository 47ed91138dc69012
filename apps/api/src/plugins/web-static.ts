// Serves the built web app (one URL for the whole product) with an SPA fallback to index.html.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

const API_PREFIXES = ['/trpc', '/api', '/healthz', '/readyz', '/metrics'];

const isApiPath = (url: string) =>
  API_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`));

/** "/events/42" is a client-side route; "/assets/missing.js" is a missing file and stays a 404. */
const looksLikeFile = (url: string) => /\.\w+$/.test(url.split('?')[0] ?? '');

export const webStaticPlugin = fp<{ webDistDir: string }>(
  async (app, { webDistDir }) => {
    if (!existsSync(path.join(webDistDir, 'index.html'))) {
      app.log.info({ webDistDir }, 'web app not built; serving the API only');
      return;
    }
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      const isPageRequest = request.method === 'GET' || request.method === 'HEAD';
      if (isPageRequest && !isApiPath(request.url) && !looksLikeFile(request.url)) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply
        .code(404)
        .send({ error: 'Not Found', message: `Route ${request.method}:${request.url} not found` });
    });
  },
  { name: 'web-static' },
);
