import { describe, expect, it } from 'vitest';
import type { RequestInfo } from './context.ts';
import { assertSameOriginMutation } from './csrf.ts';

const allowedOrigins = ['https://tickets.example', 'http://localhost:5173'];
const request = (overrides: Partial<RequestInfo>): RequestInfo => ({
  ip: '127.0.0.1',
  userAgent: null,
  sessionToken: null,
  origin: null,
  secFetchSite: null,
  host: 'api.internal:3000',
  ...overrides,
});
const check = (overrides: Partial<RequestInfo>) => () =>
  assertSameOriginMutation({ request: request(overrides), allowedOrigins });

describe('assertSameOriginMutation', () => {
  it('allows callers that are not browsers (no Origin, no Sec-Fetch-Site)', () => {
    expect(check({})).not.toThrow();
  });

  it('allows same-origin and user-initiated fetches', () => {
    expect(check({ secFetchSite: 'same-origin', origin: 'https://tickets.example' })).not.toThrow();
    expect(check({ secFetchSite: 'none' })).not.toThrow();
  });

  it('allows configured origins and the request’s own host', () => {
    expect(check({ origin: 'http://localhost:5173' })).not.toThrow();
    expect(check({ origin: 'http://api.internal:3000' })).not.toThrow();
  });

  it('refuses cross-site and same-site fetches', () => {
    expect(check({ secFetchSite: 'cross-site', origin: 'https://tickets.example' })).toThrow(
      expect.objectContaining({ code: 'CSRF_REJECTED' }),
    );
    expect(check({ secFetchSite: 'same-site' })).toThrow(
      expect.objectContaining({ code: 'CSRF_REJECTED' }),
    );
  });

  it('refuses foreign and unparsable origins', () => {
    expect(check({ origin: 'https://evil.example' })).toThrow(
      expect.objectContaining({ code: 'CSRF_REJECTED' }),
    );
    expect(check({ origin: 'null' })).toThrow(expect.objectContaining({ code: 'CSRF_REJECTED' }));
    expect(check({ origin: 'https://tickets.example.evil.example' })).toThrow(
      expect.objectContaining({ code: 'CSRF_REJECTED' }),
    );
  });
});
