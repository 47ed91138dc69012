// pino options for the API: structured JSON, secrets redacted, pretty only when a human is watching.
import type { FastifyServerOptions } from 'fastify';
import { logRedaction } from '@tessera/config/log-redaction';
import type { ApiConfig } from '../env.ts';

export const loggerOptions = (
  config: Pick<ApiConfig, 'logLevel' | 'nodeEnv'>,
): FastifyServerOptions['logger'] => ({
  level: config.logLevel,
  redact: logRedaction,
  ...(config.nodeEnv === 'development' &&
    process.stdout.isTTY && {
      transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l' } },
    }),
});
