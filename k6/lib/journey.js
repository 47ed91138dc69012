// One fan's whole journey: sign in, open the event, join the waiting room, wait for admission,
// open the seat map, hold seats, pay, and fetch the tickets. Every step records the metrics in
// ./metrics.js; a step that answers something the journey does not expect counts in
// journey_errors and ends the fan.
import { check, sleep } from 'k6';
import * as m from './metrics.js';

export const SUCCESS_CARD = '4242424242424242';
export const DECLINED_CARD = '4000000000000002';

/** RFC 4122 v4 from Math.random: idempotency keys only need to be unique per fan. */
export const uuidv4 = () =>
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });

/**
 * What fan number `index` does, fixed by the number so runs are reproducible: holds are best
 * available (3 in 5), specific seats (1 in 5) or the few "hot" seats everyone wants (1 in 5, so
 * they conflict on purpose); one fan in 10 pays with a declined card first, one in 10 abandons.
 * @param {number} index
 * @returns {{ hold: 'best' | 'specific' | 'hot', quantity: number, declineFirst: boolean, abandon: boolean }}
 */
export const planFor = (index) => ({
  hold: index % 5 === 1 ? 'hot' : index % 5 === 2 ? 'specific' : 'best',
  quantity: 1 + (index % 2),
  declineFirst: index % 10 === 3,
  abandon: index % 10 === 7,
});

/**
 * @param {import('./trpc.js').TrpcReply} reply
 * @param {string} step
 */
const expectOk = (reply, step) => {
  const ok = check(reply, { [`${step}: 200`]: (r) => r.ok });
  if (!ok) {
    m.journeyErrors.add(1, { step });
    console.warn(`${step} answered ${reply.status} ${reply.code || ''}: ${reply.message || ''}`);
  }
  return ok;
};

/**
 * Polls waitingRoom.status until the fan is admitted, the sale ends for them, or maxSeconds pass.
 * A 429 is honoured with its Retry-After, as the web app does.
 * @param {import('./trpc.js').Trpc} api
 * @param {string} eventId
 * @param {{ pollSeconds: number, maxSeconds: number }} timing
 * @returns {{ token: string | null, state: string, firstPosition: number | null }}
 */
const waitForAdmission = (api, eventId, { pollSeconds, maxSeconds }) => {
  const deadline = Date.now() + maxSeconds * 1000;
  /** @type {number | null} */
  let firstPosition = null;
  let state = 'NOT_JOINED';
  while (Date.now() < deadline) {
    const status = api.query('waitingRoom.status', { eventId });
    if (status.status === 429) {
      sleep(status.retryAfter || pollSeconds);
      continue;
    }
    if (!expectOk(status, 'waitingRoom.status'))
      return { token: null, state: 'ERROR', firstPosition };
    state = status.data.state;
    if (firstPosition === null) firstPosition = status.data.position ?? 0;
    if (state === 'ADMITTED' && status.data.admission)
      return { token: status.data.admission.token, state, firstPosition };
    if (['SOLD_OUT', 'ENDED', 'EXPIRED'].includes(state))
      return { token: null, state, firstPosition };
    sleep(pollSeconds);
  }
  return { token: null, state: `${state} (gave up)`, firstPosition };
};

/**
 * @param {import('./trpc.js').Trpc} api
 * @param {{ eventId: string, seatIds: number[], hotSeatIds: number[] }} fixture
 * @param {ReturnType<typeof planFor>} plan
 * @param {number} index
 * @param {string} token
 * @param {Record<string, string>} tags
 */
const holdSeats = (api, fixture, plan, index, token, tags) => {
  // One idempotency key per attempt: a busy-retry of the same attempt never holds twice.
  const base = () => ({
    eventId: fixture.eventId,
    admissionToken: token,
    idempotencyKey: uuidv4(),
  });
  const { seatIds, hotSeatIds } = fixture;
  const start = (index * 7) % Math.max(1, seatIds.length - plan.quantity);
  const wanted =
    plan.hold === 'hot'
      ? hotSeatIds.slice(index % 2, (index % 2) + plan.quantity)
      : seatIds.slice(start, start + plan.quantity);
  const attempts =
    plan.hold === 'best'
      ? [{ ...base(), quantity: plan.quantity }]
      : // A fan whose seats were just taken asks for the best available ones instead.
        [
          { ...base(), seatIds: wanted },
          { ...base(), quantity: plan.quantity },
        ];
  for (const input of attempts) {
    const reply = api.mutation('holds.create', input, {
      hold: 'seatIds' in input ? 'specific' : 'best',
    });
    m.holdLatency.add(reply.duration, { ...tags, hold: 'seatIds' in input ? 'specific' : 'best' });
    const conflict = reply.code === 'SEAT_TAKEN' || reply.code === 'CONFLICT';
    m.holdConflicts.add(conflict);
    if (reply.ok) return { hold: reply.data, soldOut: false };
    if (!conflict) {
      expectOk(reply, 'holds.create');
      return { hold: null, soldOut: false };
    }
  }
  return { hold: null, soldOut: true };
};

/**
 * @param {import('./trpc.js').Trpc} api
 * @param {string} holdId
 * @param {string} cardNumber
 * @param {Record<string, string>} tags
 */
const pay = (api, holdId, cardNumber, tags) => {
  const reply = api.mutation('checkout.pay', {
    holdId,
    idempotencyKey: uuidv4(),
    paymentMethod: { cardNumber, expMonth: 12, expYear: 2035, cvc: '123', name: 'Load Fan' },
  });
  m.checkoutLatency.add(reply.duration, tags);
  if (!expectOk(reply, 'checkout.pay')) return null;
  let payment = reply.data;
  for (let i = 0; i < 20 && payment.status === 'PENDING'; i++) {
    sleep(0.5);
    const status = api.query('checkout.status', { paymentId: payment.paymentId });
    if (!expectOk(status, 'checkout.status')) return null;
    payment = status.data;
  }
  return payment;
};

/**
 * @param {{ api: import('./trpc.js').Trpc,
 *   fixture: { eventId: string, password: string, seatIds: number[], hotSeatIds: number[] },
 *   fan: { email: string }, index: number, pollSeconds: number, maxQueueSeconds: number,
 *   tags?: Record<string, string> }} options
 * @returns {{ outcome: 'bought' | 'abandoned' | 'no-seats' | 'not-admitted' | 'error', seatIds: number[] }}
 */
export const runFanJourney = ({
  api,
  fixture,
  fan,
  index,
  pollSeconds,
  maxQueueSeconds,
  tags = {},
}) => {
  const plan = planFor(index);
  const started = Date.now();
  /** @param {'bought' | 'abandoned' | 'no-seats' | 'not-admitted' | 'error'} outcome */
  const end = (outcome, seatIds = /** @type {number[]} */ ([])) => {
    api.mutation('auth.logout');
    api.forgetSession();
    return { outcome, seatIds };
  };
  api.forgetSession();
  if (
    !expectOk(
      api.mutation('auth.login', { email: fan.email, password: fixture.password }),
      'auth.login',
    )
  )
    return end('error');
  if (!expectOk(api.query('events.get', { id: fixture.eventId }), 'events.get'))
    return end('error');

  let join = api.mutation('waitingRoom.join', { eventId: fixture.eventId });
  for (let i = 0; i < 10 && join.status === 429; i++) {
    sleep(join.retryAfter || 1);
    join = api.mutation('waitingRoom.join', { eventId: fixture.eventId });
  }
  if (!expectOk(join, 'waitingRoom.join')) return end('error');
  const joinedAt = Date.now();
  const admission = waitForAdmission(api, fixture.eventId, {
    pollSeconds,
    maxSeconds: maxQueueSeconds,
  });
  if (admission.firstPosition !== null) m.positionAtJoin.add(admission.firstPosition);
  m.admitted.add(admission.token !== null);
  if (admission.token === null) {
    if (admission.state === 'ERROR') return end('error');
    if (admission.state === 'SOLD_OUT') m.fansWithoutSeats.add(1);
    return end('not-admitted');
  }
  m.timeInQueue.add(Date.now() - joinedAt);
  // The seat picker opens on the live seat map's snapshot.
  if (!expectOk(api.query('seats.snapshot', { eventId: fixture.eventId }), 'seats.snapshot'))
    return end('error');

  const { hold, soldOut } = holdSeats(api, fixture, plan, index, admission.token, tags);
  if (!hold) {
    if (soldOut) m.fansWithoutSeats.add(1);
    return end(soldOut ? 'no-seats' : 'error');
  }
  /** @type {number[]} */
  const heldSeatIds = hold.seats.map((/** @type {{ seatId: number }} */ s) => s.seatId);
  if (plan.abandon) {
    m.abandoned.add(1);
    return end('abandoned');
  }
  let payment = pay(api, hold.id, plan.declineFirst ? DECLINED_CARD : SUCCESS_CARD, tags);
  if (payment && payment.status === 'DECLINED') {
    m.cardsDeclined.add(1);
    payment = pay(api, hold.id, SUCCESS_CARD, tags);
  }
  if (!payment) return end('error');
  if (
    !check(payment, {
      'payment succeeded with an order': (p) => p.status === 'SUCCEEDED' && !!p.orderId,
    })
  ) {
    m.journeyErrors.add(1, { step: 'checkout.pay' });
    return end('error');
  }
  const order = api.query('orders.get', { orderId: payment.orderId });
  if (!expectOk(order, 'orders.get')) return end('error');
  /** @type {Array<{ seatId: number, status: string }>} */
  const tickets = order.data.tickets;
  const ticketSeats = tickets.map((t) => t.seatId).sort((a, b) => a - b);
  const right = check(tickets, {
    'one sold ticket per held seat': (t) =>
      t.every((x) => x.status === 'SOLD') &&
      JSON.stringify(ticketSeats) === JSON.stringify([...heldSeatIds].sort((a, b) => a - b)),
  });
  if (!right) {
    m.journeyErrors.add(1, { step: 'orders.get' });
    return end('error');
  }
  m.ticketsIssued.add(tickets.length);
  m.timeToTickets.add(Date.now() - started);
  return end('bought', ticketSeats);
};
