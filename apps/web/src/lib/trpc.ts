// The typed tRPC client for React: subscriptions over SSE, everything else batched over HTTP.
import type { AppRouter } from '@tessera/api/router';
import { httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';

export const trpc = createTRPCReact<AppRouter>();

/** Relative URL: in production the API serves this app, in development Vite proxies /trpc. */
const TRPC_URL = '/trpc';

export const createTrpcClient = () =>
  trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: TRPC_URL,
          eventSourceOptions: { withCredentials: true },
        }),
        false: httpBatchLink({
          url: TRPC_URL,
          fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
        }),
      }),
    ],
  });
