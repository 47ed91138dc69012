// Test helper: a real @trpc/client subscribing over SSE (httpSubscriptionLink + an EventSource
// polyfill, Node 20 has none), mutations over httpLink, with an optional session cookie.
import {
  createTRPCClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import type { AppRouter } from '../../router.ts';

export const createSseClient = ({ baseUrl, session }: { baseUrl: string; session?: string }) => {
  const cookie = session ? { cookie: `tessera_session=${session}` } : undefined;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: `${baseUrl}/trpc`, EventSource }),
        false: httpLink({ url: `${baseUrl}/trpc`, headers: () => cookie ?? {} }),
      }),
    ],
  });
};

/** A seats.onChange subscription that buffers its messages; `next` awaits one with a timeout. */
export const watchSeats = (
  client: ReturnType<typeof createSseClient>,
  input: { eventId: string; lastEventId?: string },
) => {
  const received: { id: string; data: SeatsChangeMessage }[] = [];
  const waiters: (() => void)[] = [];
  let failure: TRPCClientError<AppRouter> | undefined;
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  const subscription = client.seats.onChange.subscribe(input, {
    onData: (message) => {
      received.push(message as { id: string; data: SeatsChangeMessage });
      wake();
    },
    onError: (error) => {
      failure = error;
      wake();
    },
  });
  let read = 0;
  return {
    received,
    async next(timeoutMs = 8_000) {
      const deadline = Date.now() + timeoutMs;
      while (read >= received.length) {
        if (failure) throw failure;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no seats.onChange message in time');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
      return received[read++]!;
    },
    close: () => subscription.unsubscribe(),
  };
};
