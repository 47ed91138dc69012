// pino options for the API: structured JSON, secrets redacted, pretty only when a human is watching.
import type { FastifyServerOptions } from 'fastify';
import type { ApiConfig } from '../env.ts';

const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  'password',
  'input.password',
];

export const loggerOptions = (
  config: Pick<ApiConfig, 'logLevel' | 'nodeEnv'>,
): FastifyServerOptions['logger'] => ({
  level: config.logLevel,
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  ...(config.nodeEnv === 'development' &&
    process.stdout.isTTY && {
      transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l' } },
    }),
});
