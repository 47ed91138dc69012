// admin.dashboard.onStats over real SSE: refused to anonymous callers and fans; for an admin the
// figures follow real joins, admissions, holds, a conflict, a sale, reconciliation and the
// periodic invariant check; two admins on one event share one ticker.
import type { TRPCClientError } from '@trpc/client';
import type { DashboardStats } from '@tessera/contracts/dashboard';
import { checkOnSaleInvariants } from '@tessera/core/dashboard/check-on-sale-invariants';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFan, SUCCESS_CARD } from '../../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../../testing/test-app.ts';
import type { AppRouter } from '../../../router.ts';
import { createSessionClient, openWaitingRoom } from '../../waiting-room/waiting-room-test-kit.ts';
import { dashboardSubscriberCount, dashboardTickerCount } from './dashboard-hub.ts';

let testApp: TestApp;
let baseUrl = '';

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
});

afterAll(async () => {
  await testApp.close();
});

type Client = ReturnType<typeof createSessionClient>;

const clientFor = (token: string | null): Client =>
  createSessionClient({
    baseUrl,
    cookieName: testApp.config.sessionCookieName,
    session: token ?? 'no-session',
  });

const signedIn = async (role: 'FAN' | 'ADMIN') => {
  const fan = await createFan(testApp, role.toLowerCase());
  if (role === 'ADMIN') {
    await testApp.prisma.user.update({ where: { id: fan.user.id }, data: { role: 'ADMIN' } });
  }
  return { ...fan, client: clientFor(fan.token) };
};

/** An onStats subscription that buffers messages; `until` awaits one matching `match`. */
const watchStats = (client: Client, eventId: string) => {
  const received: DashboardStats[] = [];
  const waiters: (() => void)[] = [];
  let failure: TRPCClientError<AppRouter> | undefined;
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  const subscription = client.admin.dashboard.onStats.subscribe(
    { eventId },
    {
      onData: (stats) => {
        received.push(stats);
        wake();
      },
      onError: (error) => {
        failure = error;
        wake();
      },
    },
  );
  const next = async <T>(find: () => T | undefined, timeoutMs: number): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (failure) throw failure;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no matching admin.dashboard.onStats message in time');
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, left);
      });
    }
  };
  return {
    received,
    until: (match: (stats: DashboardStats) => boolean, timeoutMs = 8_000) =>
      next(() => received.findLast(match), timeoutMs),
    failure: () => next(() => failure, 5_000),
    close: () => subscription.unsubscribe(),
  };
};

describe('admin.dashboard.onStats authorization and input', () => {
  it('refuses anonymous callers with UNAUTHORIZED and fans with FORBIDDEN', async () => {
    const { event } = await openWaitingRoom(testApp);
    const anonymous = watchStats(clientFor(null), event.id);
    await expect(anonymous.failure()).resolves.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    anonymous.close();
    const fan = await signedIn('FAN');
    const asFan = watchStats(fan.client, event.id);
    await expect(asFan.failure()).resolves.toMatchObject({ data: { code: 'FORBIDDEN' } });
    expect(asFan.received).toEqual([]);
    asFan.close();
  });

  it('refuses a malformed event id and names an unknown event', async () => {
    const admin = await signedIn('ADMIN');
    const malformed = watchStats(admin.client, 'not-an-id');
    await expect(malformed.failure()).resolves.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    malformed.close();
    const unknown = watchStats(admin.client, crypto.randomUUID());
    await expect(unknown.failure()).resolves.toMatchObject({
      data: { code: 'NOT_FOUND' },
      message: 'We could not find that event.',
    });
    unknown.close();
  });
});

describe('admin.dashboard.onStats figures', () => {
  it('follows joins, admissions, holds, a conflict, a sale, reconciliation and the invariant check', async () => {
    const { event, window, rowA, priceTiers } = await openWaitingRoom(testApp);
    const store = {
      prisma: testApp.prisma,
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
    };
    const admin = await signedIn('ADMIN');
    const stats = watchStats(admin.client, event.id);
    const first = await stats.until(() => true);
    expect(first).toMatchObject({ eventId: event.id, title: event.title, invariants: null });
    expect(first.windows.map((w) => [w.windowId, w.name, w.queueLength])).toEqual([
      [window.id, 'General sale', 0],
    ]);
    expect(first.holds).toMatchObject({ holdsTotal: 0, conflictsTotal: 0 });
    expect(first.sales).toMatchObject({ ordersConfirmed: 0, revenueCents: 0, onSaleNow: true });
    expect(first.sales.holdToSaleConversion).toBeNull();

    const fans = [await signedIn('FAN'), await signedIn('FAN'), await signedIn('FAN')];
    for (const fan of fans) await fan.client.waitingRoom.join.mutate({ eventId: event.id });
    const queued = await stats.until((s) => s.windows[0]?.queueLength === 3);
    expect(queued.windows[0]).toMatchObject({ activeShoppers: 0, admittedTotal: 0 });

    await advanceAdmission({ ...store, windowId: window.id });
    const admitted = await stats.until((s) => s.windows[0]?.activeShoppers === 3);
    expect(admitted.windows[0]).toMatchObject({ queueLength: 0, admittedTotal: 3 });
    expect(admitted.windows[0]!.admittedPerMinute).toBeGreaterThan(0);

    const tokens = await Promise.all(
      fans.map(async (fan) => {
        const status = await fan.client.waitingRoom.status.query({ eventId: event.id });
        return status.admission!.token;
      }),
    );
    const hold = await fans[0]!.client.holds.create.mutate({
      eventId: event.id,
      seatIds: [rowA[0]!, rowA[1]!],
      admissionToken: tokens[0],
    });
    await expect(
      fans[1]!.client.holds.create.mutate({
        eventId: event.id,
        seatIds: [rowA[1]!, rowA[2]!],
        admissionToken: tokens[1],
      }),
    ).rejects.toMatchObject({ data: { appError: { code: 'SEAT_TAKEN' } } });
    const tierA = priceTiers[0]!.id;
    const held = await stats.until(
      (s) => s.holds.holdsTotal === 1 && s.tiers?.find((t) => t.tierId === tierA)?.held === 2,
    );
    expect(held.holds.conflictsTotal).toBe(1);
    expect(held.reconciliation.versionsBehind).toBeGreaterThan(0);
    expect(held.reconciliation.oldestPendingSeconds).not.toBeNull();
    // One hold and one conflict in the last five complete seconds: 0.2 a second each.
    const rates = await stats.until(
      (s) => s.holds.holdsPerSecond > 0 && s.holds.conflictsPerSecond > 0,
    );
    expect([rates.holds.holdsPerSecond, rates.holds.conflictsPerSecond]).toEqual([0.2, 0.2]);

    const paid = await fans[0]!.client.checkout.pay.mutate({
      holdId: hold.id,
      idempotencyKey: crypto.randomUUID(),
      paymentMethod: SUCCESS_CARD,
    });
    expect(paid.status).toBe('SUCCEEDED');
    const sold = await stats.until((s) => s.sales.ordersConfirmed === 1);
    expect(sold.sales.revenueCents).toBe(hold.totalCents);
    expect(sold.sales.holdToSaleConversion).toBe(1);
    const soldTier = await stats.until((s) => s.tiers?.find((t) => t.tierId === tierA)?.sold === 2);
    expect(soldTier.tiers!.find((t) => t.tierId === tierA)!.held).toBe(0);

    await reconcileEvent({ ...store, eventId: event.id });
    const caughtUp = await stats.until((s) => s.reconciliation.versionsBehind === 0);
    expect(caughtUp.reconciliation.oldestPendingSeconds).toBeNull();
    expect(caughtUp.reconciliation.appliedVersion).toBe(caughtUp.reconciliation.headVersion);

    await checkOnSaleInvariants({ ...store, eventIds: [event.id] });
    const checked = await stats.until((s) => s.invariants !== null);
    expect(checked.invariants).toMatchObject({ ok: true, failures: [], soldInPostgres: 2 });
    stats.close();
  });

  it('shares one ticker between admins watching the same event, and stops it when they leave', async () => {
    const { event } = await openWaitingRoom(testApp);
    const tickers = () => dashboardTickerCount(testApp.redis);
    const subscribers = () => dashboardSubscriberCount(testApp.redis);
    const before = [tickers(), subscribers()];
    const [one, two] = [await signedIn('ADMIN'), await signedIn('ADMIN')];
    const a = watchStats(one.client, event.id);
    const b = watchStats(two.client, event.id);
    await Promise.all([a.until(() => true), b.until(() => true)]);
    expect([tickers(), subscribers()]).toEqual([before[0]! + 1, before[1]! + 2]);
    a.close();
    b.close();
    await expect.poll(() => [tickers(), subscribers()], { timeout: 5_000 }).toEqual(before);
  });
});
