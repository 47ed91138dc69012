// A tRPC call over HTTP with a browser context's cookies (as the web app makes it), and the seeded
// admin's sign-in. Test setup that is not the journey itself goes through here.
import type { APIRequestContext } from 'playwright-core';

export const ADMIN = { email: 'admin@tessera.dev', password: 'Admin-pass-2026' };

export const call = async <T>(
  request: APIRequestContext,
  baseUrl: string,
  path: string,
  input: unknown,
  kind: 'query' | 'mutation' = 'mutation',
): Promise<T> => {
  const url = `${baseUrl}/trpc/${path}`;
  const response =
    kind === 'mutation'
      ? await request.post(url, { data: input })
      : await request.get(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${path} failed: ${JSON.stringify(body)}`);
  return body.result.data;
};

/** Signs the context in as the seeded admin (the session cookie is shared with its pages). */
export const signInAdmin = (request: APIRequestContext, baseUrl: string) =>
  call(request, baseUrl, 'auth.login', ADMIN);
