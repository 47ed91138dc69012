// Calls one tRPC procedure over HTTP (Fastify inject, so through the real cookie, CSRF and
// trusted-proxy handling) as a browser holding a session cookie, and reads the answer's code.
import type { TestApp } from '../testing/test-app.ts';
import { parseSetCookie } from '../testing/trpc-test-client.ts';

export interface CallOptions {
  token?: string | null;
  input?: unknown;
  headers?: Record<string, string>;
}

export const callHttp = async (
  testApp: TestApp,
  type: 'query' | 'mutation',
  path: string,
  { token, input, headers = {} }: CallOptions = {},
) => {
  const cookies = token ? { [testApp.config.sessionCookieName]: token } : undefined;
  const response =
    type === 'query'
      ? await testApp.app.inject({
          method: 'GET',
          url:
            input === undefined
              ? `/trpc/${path}`
              : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
          cookies,
          headers,
        })
      : await testApp.app.inject({
          method: 'POST',
          url: `/trpc/${path}`,
          cookies,
          headers: { 'content-type': 'application/json', ...headers },
          payload: JSON.stringify(input ?? null),
        });
  const body = response.json() as {
    result?: { data: unknown };
    error?: { data?: { code?: string } };
  };
  const setCookieLines = [response.headers['set-cookie'] ?? []].flat();
  const sessionLine = setCookieLines
    .filter((line) => line.startsWith(`${testApp.config.sessionCookieName}=`))
    .at(-1);
  return {
    status: response.statusCode,
    code: body.error ? (body.error.data?.code ?? 'UNKNOWN') : 'OK',
    data: body.result?.data,
    body: response.body,
    headers: response.headers,
    /** The last session Set-Cookie of the answer, parsed (undefined when none was sent). */
    sessionCookie: sessionLine ? parseSetCookie(sessionLine) : undefined,
  };
};
