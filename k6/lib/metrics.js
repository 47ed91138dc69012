// The custom metrics of the fan journey (what each one means: k6/README.md "Metrics").
import { Counter, Rate, Trend } from 'k6/metrics';

/** Join → admission token received, for fans who were admitted (ms). */
export const timeInQueue = new Trend('fan_time_in_queue', true);
/** The fan's place (1-based) right after joining; 0 when already admitted at the first read. */
export const positionAtJoin = new Trend('fan_position_at_join');
/** Share of fans who joined and were admitted before giving up waiting. */
export const admitted = new Rate('fan_admitted');
/** Fans who held seats and walked away without paying (their holds expire on their own). */
export const abandoned = new Counter('fan_abandoned');
/** Share of hold attempts refused because a seat was taken (or would strand a seat). */
export const holdConflicts = new Rate('hold_conflicts');
/** holds.create round trip, successful or refused (ms). */
export const holdLatency = new Trend('hold_latency', true);
/** checkout.pay round trip, including the simulated card processor (ms). */
export const checkoutLatency = new Trend('checkout_latency', true);
/** Sign-in → tickets in hand, for fans who bought (ms). */
export const timeToTickets = new Trend('time_to_tickets', true);
/** Payments the processor declined (test card 4000 0000 0000 0002); the fan retries. */
export const cardsDeclined = new Counter('cards_declined');
/** Tickets fans received. */
export const ticketsIssued = new Counter('tickets_issued');
/** Fans who got no seat: nothing left, or the sale sold out while they waited. */
export const fansWithoutSeats = new Counter('fans_without_seats');
/** Answers the journey did not expect (a 5xx, a wrong ticket, a refused valid step). */
export const journeyErrors = new Counter('journey_errors');
/** Requests answered 503 with Retry-After (a busy Postgres or Redis) that the fan repeated. */
export const busyRetries = new Counter('busy_retries');
/** Seats found on two confirmed orders at teardown (must stay 0). */
export const oversoldSeats = new Counter('oversold_seats');
/** The invariant checker's verdict at teardown (1 = all invariants hold). */
export const invariantsOk = new Rate('invariants_ok');
