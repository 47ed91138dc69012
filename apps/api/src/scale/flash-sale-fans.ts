// The scale test's fans: each one joins the waiting room through nginx, polls its place until it
// is let in, holds seats (a third of them pick specific seats from a small block everyone wants,
// the rest ask for the best available), and pays (every tenth card declines). Plain HTTP with
// tRPC's JSON wire format over a bounded keep-alive pool, counting which replica answered.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { DECLINE_CARD, SUCCESS_CARD } from '../testing/checkout-fixture.ts';

export interface Fan {
  token: string;
}

export interface SaleStats {
  servedBy: Record<string, number>;
  responses: number;
  /** 5xx answers by procedure and status, e.g. `checkout.pay:500`. */
  serverErrors: Record<string, number>;
  transportErrors: number;
  admitted: number;
  soldOutInQueue: number;
  holds: number;
  refusals: Record<string, number>;
  seatsSold: number;
  declined: number;
  payRetries: number;
  holdLatencyMs: number[];
  journeyMs: number[];
}

interface TrpcResult {
  status: number;
  data?: unknown;
  errorCode?: string;
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const createSaleClient = ({
  baseUrl,
  cookieName,
  maxSockets,
}: {
  baseUrl: string;
  cookieName: string;
  maxSockets: number;
}) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const stats: SaleStats = {
    servedBy: {},
    responses: 0,
    serverErrors: {},
    transportErrors: 0,
    admitted: 0,
    soldOutInQueue: 0,
    holds: 0,
    refusals: {},
    seatsSold: 0,
    declined: 0,
    payRetries: 0,
    holdLatencyMs: [],
    journeyMs: [],
  };

  const call = (fan: Fan, method: 'GET' | 'POST', procedure: string, input: unknown) =>
    new Promise<TrpcResult>((resolve) => {
      const json = JSON.stringify(input);
      const path =
        method === 'GET'
          ? `/trpc/${procedure}?input=${encodeURIComponent(json)}`
          : `/trpc/${procedure}`;
      const request = http.request(
        `${baseUrl}${path}`,
        {
          method,
          agent,
          headers: {
            cookie: `${cookieName}=${fan.token}`,
            ...(method === 'POST' && { 'content-type': 'application/json' }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const replica = response.headers['x-tessera-replica'];
            stats.responses++;
            if (typeof replica === 'string')
              stats.servedBy[replica] = (stats.servedBy[replica] ?? 0) + 1;
            if (status >= 500) {
              const key = `${procedure}:${status}`;
              stats.serverErrors[key] = (stats.serverErrors[key] ?? 0) + 1;
            }
            try {
              const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                result?: { data: unknown };
                error?: { data?: { appError?: { code?: string } } };
              };
              resolve({
                status,
                data: body.result?.data,
                errorCode: body.error?.data?.appError?.code ?? (body.error ? 'UNKNOWN' : undefined),
              });
            } catch {
              resolve({ status, errorCode: `HTTP_${status}` });
            }
          });
        },
      );
      request.on('error', () => {
        stats.transportErrors++;
        resolve({ status: 0, errorCode: 'TRANSPORT' });
      });
      request.end(method === 'POST' ? json : undefined);
    });

  const refuse = (code: string) => (stats.refusals[code] = (stats.refusals[code] ?? 0) + 1);

  /** One fan's whole journey; resolves when it has tickets, gave up, or the sale ran out. */
  const runFan = async ({
    fan,
    index,
    eventId,
    hotSeatIds,
    deadline,
  }: {
    fan: Fan;
    index: number;
    eventId: string;
    hotSeatIds: number[];
    deadline: number;
  }) => {
    const started = Date.now();
    const join = await call(fan, 'POST', 'waitingRoom.join', { eventId });
    if (join.errorCode) return refuse(`join:${join.errorCode}`);
    let token: string | undefined;
    while (!token && Date.now() < deadline) {
      await sleep(1_000 + Math.random() * 1_000);
      const status = await call(fan, 'GET', 'waitingRoom.status', { eventId });
      const place = status.data as
        { state: string; admission: { token: string } | null } | undefined;
      if (!place) {
        refuse(`status:${status.errorCode}`);
        continue;
      }
      if (place.state === 'ADMITTED' && place.admission) token = place.admission.token;
      else if (['SOLD_OUT', 'ENDED', 'EXPIRED'].includes(place.state)) {
        stats.soldOutInQueue++;
        return;
      }
    }
    if (!token) return refuse('not-admitted-in-time');
    stats.admitted++;

    const attempts = [
      index % 3 === 0
        ? (() => {
            const at = Math.floor(Math.random() * (hotSeatIds.length - 1));
            return { seatIds: hotSeatIds.slice(at, at + 2) };
          })()
        : { quantity: 1 + (index % 2) },
      { quantity: 1 },
    ];
    for (const attempt of attempts) {
      const holdStarted = Date.now();
      const hold = await call(fan, 'POST', 'holds.create', {
        eventId,
        admissionToken: token,
        idempotencyKey: randomUUID(),
        ...attempt,
      });
      stats.holdLatencyMs.push(Date.now() - holdStarted);
      const held = hold.data as { id: string; seats: unknown[] } | undefined;
      if (!held) {
        refuse(`hold:${hold.errorCode}`);
        continue;
      }
      stats.holds++;
      const declines = index % 10 === 0;
      const payment = {
        holdId: held.id,
        paymentMethod: declines ? DECLINE_CARD : SUCCESS_CARD,
        idempotencyKey: randomUUID(),
      };
      // A 503 (Postgres busy) is retryable: try again with the same key, as the web app would.
      let pay = await call(fan, 'POST', 'checkout.pay', payment);
      for (let retry = 0; pay.status === 503 && retry < 2; retry++) {
        stats.payRetries++;
        await sleep(1_000 + Math.random() * 1_000);
        pay = await call(fan, 'POST', 'checkout.pay', payment);
      }
      const paid = pay.data as { status: string; orderId: string | null } | undefined;
      if (paid?.status === 'SUCCEEDED' && paid.orderId) {
        stats.seatsSold += held.seats.length;
        stats.journeyMs.push(Date.now() - started);
      } else if (paid?.status === 'DECLINED') stats.declined++;
      else refuse(`pay:${pay.errorCode ?? paid?.status}`);
      return;
    }
  };

  return { stats, runFan, call, close: () => agent.destroy() };
};
