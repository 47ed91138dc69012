// The fault tests' sale: fans on the scale test's HTTP client (scale/flash-sale-fans.ts
// createSaleClient: tRPC's JSON wire format over a keep-alive pool, per-replica counts) who behave
// like the web app when something breaks: a request that fails in transport or with 502/503/504
// is retried after a short pause, mutations with the SAME idempotency key. Every answer is put
// on a timeline (for "served after the fault", "errors seen by fans" and recovery time), and every
// sale acknowledged to a fan (checkout.pay SUCCEEDED with an order id) is recorded. A fan whose
// queue place was lost (Redis restarted empty: status NOT_JOINED) joins again, as the web app does.
import { randomUUID } from 'node:crypto';
import { DECLINE_CARD, SUCCESS_CARD } from '../testing/checkout-fixture.ts';
import { createSaleClient, type Fan } from '../scale/flash-sale-fans.ts';

export interface Answer {
  at: number;
  procedure: string;
  status: number;
  /** How long the answer took. */
  tookMs: number;
  /** Transport error or 502/503/504: what a fan sees as "the site hiccuped". */
  failed: boolean;
}

export interface Acknowledged {
  orderId: string;
  holdId: string;
  seats: number;
}

const RETRYABLE = new Set([0, 502, 503, 504]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FaultSaleOptions {
  baseUrl: string;
  cookieName: string;
  maxSockets: number;
  /** Retries of a transport error or 502/503/504 per call. */
  retries?: number;
}

export const createFaultSale = ({
  baseUrl,
  cookieName,
  maxSockets,
  retries = 8,
}: FaultSaleOptions) => {
  const client = createSaleClient({ baseUrl, cookieName, maxSockets });
  const timeline: Answer[] = [];
  const acknowledged: Acknowledged[] = [];
  const outcomes: Record<string, number> = {};
  const count = (key: string) => (outcomes[key] = (outcomes[key] ?? 0) + 1);
  let retried = 0;

  /** One call, retried (same input, so the same idempotency key) while it fails retryably. */
  const call = async (fan: Fan, method: 'GET' | 'POST', procedure: string, input: unknown) => {
    for (let attempt = 0; ; attempt++) {
      const sent = Date.now();
      const result = await client.call(fan, method, procedure, input);
      const failed = RETRYABLE.has(result.status);
      const at = Date.now();
      timeline.push({ at, procedure, status: result.status, tookMs: at - sent, failed });
      if (!failed || attempt >= retries) return result;
      retried++;
      await sleep(150 + Math.random() * 250);
    }
  };

  /** A fan's journey: join, wait to be admitted, hold 1–2 best seats, pay (every tenth declines). */
  const runFan = async ({
    fan,
    index,
    eventId,
    deadline,
  }: {
    fan: Fan;
    index: number;
    eventId: string;
    deadline: number;
  }) => {
    const join = await call(fan, 'POST', 'waitingRoom.join', { eventId });
    if (join.errorCode) return count(`join:${join.errorCode}`);
    let token: string | undefined;
    while (!token && Date.now() < deadline) {
      await sleep(300 + Math.random() * 300);
      const status = await call(fan, 'GET', 'waitingRoom.status', { eventId });
      const place = status.data as
        { state: string; admission: { token: string } | null } | undefined;
      if (place?.state === 'ADMITTED' && place.admission) token = place.admission.token;
      else if (place?.state === 'NOT_JOINED') {
        count('rejoined');
        await call(fan, 'POST', 'waitingRoom.join', { eventId });
      } else if (place && ['SOLD_OUT', 'ENDED', 'EXPIRED'].includes(place.state))
        return count('sold-out-in-queue');
    }
    if (!token) return count('not-admitted');
    const hold = await call(fan, 'POST', 'holds.create', {
      eventId,
      admissionToken: token,
      idempotencyKey: randomUUID(),
      quantity: 1 + (index % 2),
    });
    const held = hold.data as { id: string; seats: unknown[] } | undefined;
    if (!held) return count(`hold:${hold.errorCode}`);
    count('held');
    const payment = {
      holdId: held.id,
      paymentMethod: index % 10 === 0 ? DECLINE_CARD : SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    };
    const pay = await call(fan, 'POST', 'checkout.pay', payment);
    const paid = pay.data as { status: string; orderId: string | null } | undefined;
    if (paid?.status === 'SUCCEEDED' && paid.orderId) {
      acknowledged.push({ orderId: paid.orderId, holdId: held.id, seats: held.seats.length });
      count('paid');
    } else count(`pay:${paid?.status ?? pay.errorCode}`);
  };

  return {
    call,
    runFan,
    timeline,
    acknowledged,
    outcomes,
    stats: client.stats,
    retried: () => retried,
    close: () => client.close(),
  };
};

/** Report numbers for one fault: what was served and failed after it, and when it last failed. */
export const faultReport = (timeline: Answer[], faultAt: number) => {
  const after = timeline.filter((a) => a.at >= faultAt);
  const failures = after.filter((a) => a.failed);
  const errorsSeen: Record<string, number> = {};
  for (const f of failures) {
    const key = `${f.procedure}:${f.status || 'transport'}`;
    errorsSeen[key] = (errorsSeen[key] ?? 0) + 1;
  }
  const lastFailure = failures.at(-1)?.at;
  return {
    servedAfter: after.length - failures.length,
    failedAfter: failures.length,
    errorsSeen,
    /** From the fault to the last failed answer a fan saw (0 when none failed). */
    recoveryMs: lastFailure === undefined ? 0 : lastFailure - faultAt,
    /** The slowest answer after the fault, by procedure (back-pressure: a stuck call shows here). */
    slowestMs: Object.fromEntries(
      [...new Set(after.map((a) => a.procedure))].map((procedure) => [
        procedure,
        Math.max(...after.filter((a) => a.procedure === procedure).map((a) => a.tookMs)),
      ]),
    ),
  };
};
