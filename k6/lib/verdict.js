// End-of-run checks an admin makes (k6 teardown): the invariant checker (admin.invariants.check)
// until reconciliation has caught up, and every confirmed order's seats, to count any seat sold
// twice. Both feed metrics with thresholds, so a failure fails the run.
import { sleep } from 'k6';
import { createTrpc } from './trpc.js';
import { invariantsOk, journeyErrors, oversoldSeats } from './metrics.js';

/**
 * @param {string} baseUrl
 * @param {{ eventId: string, admin: { email: string, password: string } }} fixture
 * @param {{ settleSeconds?: number }} [options]
 */
export const checkSaleAsAdmin = (baseUrl, fixture, { settleSeconds = 30 } = {}) => {
  const admin = createTrpc(baseUrl);
  admin.forgetSession();
  const login = admin.mutation('auth.login', fixture.admin);
  if (!login.ok) {
    journeyErrors.add(1, { step: 'admin login' });
    invariantsOk.add(false);
    throw new Error(`admin sign-in failed: ${login.status} ${login.message}`);
  }

  // Seats on two confirmed orders, read straight from the orders admins see.
  /** @type {Map<number, number>} */
  const soldCount = new Map();
  /** @type {string | undefined} */
  let cursor;
  let orders = 0;
  do {
    const page = admin.query('admin.orders.list', {
      eventId: fixture.eventId,
      status: 'CONFIRMED',
      limit: 50,
      ...(cursor ? { cursor } : {}),
    });
    if (!page.ok) throw new Error(`admin.orders.list failed: ${page.status} ${page.message}`);
    for (const item of page.data.items) {
      const detail = admin.query('admin.orders.get', { orderId: item.id });
      if (!detail.ok)
        throw new Error(`admin.orders.get failed: ${detail.status} ${detail.message}`);
      orders += 1;
      for (const seat of detail.data.seats) {
        if (seat.status === 'SOLD')
          soldCount.set(seat.seatId, (soldCount.get(seat.seatId) || 0) + 1);
      }
    }
    cursor = page.data.nextCursor || undefined;
  } while (cursor);
  const doubleSold = [...soldCount.values()].filter((n) => n > 1).length;
  oversoldSeats.add(doubleSold);

  // Reconciliation runs behind the load: give it settleSeconds to converge before judging.
  const deadline = Date.now() + settleSeconds * 1000;
  /** @type {any} */
  let report = null;
  for (;;) {
    const reply = admin.query('admin.invariants.check', { eventId: fixture.eventId });
    if (!reply.ok)
      throw new Error(`admin.invariants.check failed: ${reply.status} ${reply.message}`);
    report = reply.data;
    if (report.ok || Date.now() >= deadline) break;
    sleep(1);
  }
  invariantsOk.add(report.ok);
  admin.mutation('auth.logout');
  const failed = report.events
    .flatMap((/** @type {any} */ e) => e.checks)
    .filter((/** @type {any} */ c) => !c.ok)
    .map((/** @type {any} */ c) => `${c.name}: ${c.detail}`);
  if (!report.ok)
    throw new Error(`invariant checker FAILED: ${failed.join('; ') || 'event not found'}`);
  return { orders, seatsSold: soldCount.size, doubleSold };
};
