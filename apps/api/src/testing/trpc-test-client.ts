// A real @trpc/client over HTTP with a tiny cookie jar, like a browser tab talking to the API.
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../trpc/router.ts';

export const createTestClient = ({
  baseUrl,
  headers = {},
}: {
  baseUrl: string;
  headers?: Record<string, string>;
}) => {
  const jar = new Map<string, string>();
  const responses: Response[] = [];
  const cookieFetch: typeof fetch = async (input, init) => {
    const requestHeaders = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) requestHeaders.set(name, value);
    if (jar.size > 0)
      requestHeaders.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers: requestHeaders });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    responses.push(response);
    return response;
  };
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, fetch: cookieFetch })],
  });
  return { client, jar, lastResponse: () => responses.at(-1) };
};

/** The attributes of one Set-Cookie line, lower-cased names ("httponly", "max-age", ...). */
export const parseSetCookie = (line: string) => {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const [name = '', value = ''] = pair.split('=');
  const attrs = Object.fromEntries(
    attributes.map((attr) => {
      const [key = '', val = ''] = attr.split('=');
      return [key.toLowerCase(), val || true] as const;
    }),
  );
  return { name, value, attrs };
};
