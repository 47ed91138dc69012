// Test helpers for the waiting-room API: an open waiting-room window on a fresh sale event (opened
// by the real scheduler), and a real @trpc/client that subscribes over SSE with a session cookie.
import {
  createTRPCClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import type { Db } from '@tessera/db/client';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import type { QueueStatus } from '@tessera/contracts/waiting-room';
import { createSaleEvent } from '../../../testing/checkout-fixture.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import type { AppRouter } from '../../router.ts';

/** A sale event with a waiting-room window that opened a second ago (CAP: admits on each step). */
export const openWaitingRoom = async (
  testApp: TestApp,
  settings: Partial<Db.Prisma.OnSaleWindowUncheckedCreateInput> = {},
) => {
  const sale = await createSaleEvent({ testApp });
  const window = await testApp.prisma.onSaleWindow.create({
    data: {
      eventId: sale.event.id,
      name: 'General sale',
      startsAt: new Date(Date.now() - 1_000),
      endsAt: new Date(Date.now() + 3_600_000),
      waitingRoomEnabled: true,
      admissionMode: 'CAP',
      maxActiveShoppers: 1_000,
      perFanSeatLimit: 4,
      ...settings,
    },
  });
  const store = {
    prisma: testApp.prisma,
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
  };
  await runWindowSchedule({ ...store, windowIds: [window.id] });
  return { ...sale, window };
};

export const createSessionClient = ({
  baseUrl,
  cookieName,
  session,
}: {
  baseUrl: string;
  cookieName: string;
  session: string;
}) => {
  const cookie = `${cookieName}=${session}`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${baseUrl}/trpc`,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (url: string | URL, init?: RequestInit) =>
              fetch(url, { ...init, headers: { ...init?.headers, cookie } }),
          }),
        }),
        false: httpLink({ url: `${baseUrl}/trpc`, headers: () => ({ cookie }) }),
      }),
    ],
  });
};

/** A waitingRoom.onUpdate subscription that buffers statuses; `until` awaits a matching one. */
export const watchQueue = (
  client: ReturnType<typeof createSessionClient>,
  input: { eventId: string },
) => {
  const received: QueueStatus[] = [];
  const waiters: (() => void)[] = [];
  let failure: TRPCClientError<AppRouter> | undefined;
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  const subscription = client.waitingRoom.onUpdate.subscribe(input, {
    onData: (status) => {
      received.push(status);
      wake();
    },
    onError: (error) => {
      failure = error;
      wake();
    },
  });
  return {
    received,
    async until(match: (status: QueueStatus) => boolean, timeoutMs = 8_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (failure) throw failure;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no matching waitingRoom.onUpdate message in time');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
    close: () => subscription.unsubscribe(),
  };
};
