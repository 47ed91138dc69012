import { Writable } from 'node:stream';
import { pino, type LoggerOptions } from 'pino';
import { expect, it } from 'vitest';
import { loggerOptions } from './logger-options.ts';

it('redacts cookies, authorization, set-cookie and passwords from log lines', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()),
  });
  const log = pino(
    loggerOptions({ logLevel: 'info', nodeEnv: 'production' }) as LoggerOptions,
    sink,
  );
  log.info({
    req: {
      headers: {
        cookie: 'tessera_session=cookie-secret-1',
        authorization: 'Bearer auth-secret-2',
        'user-agent': 'k6',
      },
    },
    res: { headers: { 'set-cookie': 'tessera_session=set-cookie-secret-3' } },
    input: { email: 'fan@example.com', password: 'hunter2hunter2' },
  });
  const line = lines.join('');
  for (const secret of [
    'cookie-secret-1',
    'auth-secret-2',
    'set-cookie-secret-3',
    'hunter2hunter2',
  ])
    expect(line).not.toContain(secret);
  expect(line).toContain('fan@example.com');
  expect(line).toContain('k6');
});
