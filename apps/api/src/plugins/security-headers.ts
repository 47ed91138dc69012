// Security headers on every response (helmet's, computed once), HSTS only over HTTPS, CORS closed
// unless CORS_ORIGINS names origins, and 5xx bodies that never carry an error's message or stack.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import fastifyCors from '@fastify/cors';
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Inline <style> elements the web app's libraries inject at run time, allowed by hash.
 * react-zoom-pan-pinch 4.2.0 appends an empty <style> to <head> and then its stylesheet text (the
 * wrapper/content classes): Chrome checks both states, so the empty sheet's hash is here too (an
 * empty sheet styles nothing). After an upgrade the browser's report names the new hash
 * (apps/web/e2e/security-headers.e2e.test.ts fails with it).
 */
export const INJECTED_STYLE_HASHES = [
  "'sha256-/aQdAPrD+kc0v7HnGQTuKBtoP6ZN+lnzOGVJ1Qt6dfw='",
  "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
];

/**
 * Everything the built web app loads comes from its own origin: module scripts and stylesheets
 * (no inline scripts: the Vite build emits none), fetch and SSE to /trpc, QR codes as data: URLs.
 * Style properties React and uPlot set through the CSSOM are not governed by CSP.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", ...INJECTED_STYLE_HASHES],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export const HSTS = 'max-age=31536000; includeSubDomains';

const GENERIC_5XX_MESSAGE = 'Something went wrong on our side. Please try again.';

/** The headers helmet would set, captured once: building helmet per request costs ~20 µs. */
const helmetHeaders = (): Record<string, string> => {
  const headers: Record<string, string> = {};
  const capture = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: () => {},
  } as unknown as ServerResponse;
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Sent per request below, only when the request came over HTTPS.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  })({} as never, capture, () => {});
  return headers;
};

/** A Vary value that names Origin (or is `*`), keeping what it already listed. */
const withOrigin = (vary: unknown) => {
  const list = (Array.isArray(vary) ? vary.join(',') : String(vary ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return list.some((name) => name === '*' || name.toLowerCase() === 'origin')
    ? list.join(', ')
    : [...list, 'Origin'].join(', ');
};

export interface SecurityHeadersOptions {
  /** PUBLIC_ORIGIN: when it is https, every response is being served over HTTPS. */
  publicOrigin: string;
  /** Origins allowed to read responses cross-origin (with credentials); empty: CORS closed. */
  corsOrigins: string[];
}

export const securityHeadersPlugin = fp<SecurityHeadersOptions>(
  async (app, { publicOrigin, corsOrigins }) => {
    const headers = helmetHeaders();
    const alwaysHttps = publicOrigin.startsWith('https:');
    // request.protocol trusts X-Forwarded-Proto only from a trusted proxy (TRUST_PROXY).
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(headers);
      if (alwaysHttps || request.protocol === 'https')
        reply.header('strict-transport-security', HSTS);
      done();
    });

    if (corsOrigins.length > 0) {
      const allowed = new Set(corsOrigins);
      await app.register(fastifyCors, {
        // false for any other origin: no CORS headers at all, and its preflight finds no route.
        origin: (origin, callback) =>
          callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
        credentials: true,
        methods: ['GET', 'HEAD', 'POST'],
        maxAge: 600,
      });
      // The tRPC adapter answers with a Fetch Response whose Vary replaces ours when sent; an
      // answer that depends on Origin must keep saying so to caches.
      app.addHook('onSend', (_request, reply, payload, done) => {
        if (payload instanceof Response)
          payload.headers.set('vary', withOrigin(payload.headers.get('vary')));
        else reply.header('vary', withOrigin(reply.getHeader('vary')));
        done(null, payload);
      });
    }

    // Fastify's default handler answers a 5xx with the error's own message (a driver error can
    // name hosts, tables or files); the full error goes to the log (secrets redacted) instead.
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const code = error.statusCode ?? 500;
      const status = code >= 400 && code <= 599 ? code : 500;
      if (status < 500) return reply.send(error);
      request.log.error({ err: error }, 'request failed');
      return reply
        .code(status)
        .type('application/json')
        .send({ statusCode: status, error: STATUS_CODES[status], message: GENERIC_5XX_MESSAGE });
    });
  },
  { name: 'security-headers' },
);
