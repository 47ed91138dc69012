// The typed tRPC client for React: subscriptions over SSE, everything else batched over HTTP.
import type { AppRouter } from '@tessera/api/router';
import { httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import { admissionLink } from '../features/waiting-room/admission-link.ts';

export const trpc = createTRPCReact<AppRouter>();

/**
 * Relative URL: in production the API serves this app, in development Vite proxies /trpc. Being
 * same-origin, both fetch and EventSource send the session cookie without extra options.
 */
const TRPC_URL = '/trpc';

export const createTrpcClient = () =>
  trpc.createClient({
    links: [
      // Adds the fan's waiting-room admission pass to holds.create (see the link's module).
      admissionLink,
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: TRPC_URL }),
        false: httpBatchLink({
          url: TRPC_URL,
          fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
        }),
      }),
    ],
  });
