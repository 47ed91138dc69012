// The API's pino options: secrets never reach a log line, and the level comes from LOG_LEVEL.
import { Writable } from 'node:stream';
import { pino, type LoggerOptions } from 'pino';
import { describe, expect, it } from 'vitest';
import { toApiConfig, ZApiEnv } from '../env.ts';
import { loggerOptions } from './logger-options.ts';

const capture = (options: LoggerOptions) => {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()),
  });
  return { log: pino(options, sink), lines };
};

const apiLogger = (env: Record<string, string>) =>
  capture(loggerOptions(toApiConfig(ZApiEnv.parse(env))) as LoggerOptions);

describe('API log lines', () => {
  it('redact cookies, authorization, passwords, tokens, ticket signatures and card data', () => {
    const { log, lines } = apiLogger({
      NODE_ENV: 'production',
      TICKET_SIGNING_SECRET: 'x'.repeat(32),
      ADMISSION_TOKEN_SECRET: 'y'.repeat(32),
    });
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
      hold: { admissionToken: 'admission-secret-4', eventId: 'event-visible' },
      ticket: { signedId: 'ticket.signature-secret-5' },
      pay: {
        input: { paymentMethod: { cardNumber: '4242424242424242', cvc: '987', name: 'Fan Name' } },
      },
      session: { token: 'session-secret-6' },
    });
    const line = lines.join('');
    for (const secret of [
      'cookie-secret-1',
      'auth-secret-2',
      'set-cookie-secret-3',
      'hunter2hunter2',
      'admission-secret-4',
      'signature-secret-5',
      '4242424242424242',
      'session-secret-6',
    ])
      expect(line).not.toContain(secret);
    const parsed = JSON.parse(line) as {
      req: { headers: Record<string, string> };
      pay: { input: { paymentMethod: Record<string, string> } };
    };
    expect(parsed.req.headers.cookie).toBe('[redacted]');
    expect(parsed.pay.input.paymentMethod).toMatchObject({
      cardNumber: '[redacted]',
      cvc: '[redacted]',
    });
    for (const visible of ['fan@example.com', 'k6', 'event-visible', 'Fan Name'])
      expect(line).toContain(visible);
  });

  it('take their level from LOG_LEVEL (info when unset)', () => {
    const quiet = apiLogger({ LOG_LEVEL: 'warn' });
    quiet.log.info('not written');
    quiet.log.warn('written');
    expect(quiet.lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['written']);

    const chatty = apiLogger({ LOG_LEVEL: 'debug' });
    chatty.log.debug('debug written');
    expect(chatty.lines).toHaveLength(1);

    const unset = apiLogger({});
    unset.log.debug('not written');
    unset.log.info('info written');
    expect(unset.lines.map((l) => (JSON.parse(l) as { level: number }).level)).toEqual([30]);
    expect(ZApiEnv.safeParse({ LOG_LEVEL: 'loud' }).success).toBe(false);
  });
});
