// Issue #7's API metrics, scraped from a real API (HTTP on loopback) after a small sale's traffic
// (a join, an admission, a hold, a conflict, a batch and live streams): every named series is
// exposed and each counts what the traffic did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  driveSaleTraffic,
  DURATION_COUNT,
  startObservedStack,
  type ObservedStack,
} from './observed-sale.ts';
import { scrapeUntil } from './scrape-metrics.ts';
import { sampleNames, valueOf, type Sample } from './scrape-parser.ts';

/** Every series issue #7 names on the API. */
const API_SERIES = [
  'tessera_trpc_procedure_duration_seconds_bucket',
  'tessera_trpc_procedure_duration_seconds_count',
  'tessera_holds_created_total',
  'tessera_hold_conflicts_total',
  'tessera_waiting_room_queue_length',
  'tessera_waiting_room_prequeue_size',
  'tessera_waiting_room_admitted_per_minute',
  'tessera_waiting_room_active_shoppers',
  'tessera_sse_connections',
  'tessera_http_requests_total',
  'process_cpu_user_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_p99_seconds',
];

let stack: ObservedStack;
let traffic: Awaited<ReturnType<typeof driveSaleTraffic>>;
let apiSamples: Sample[] = [];

beforeAll(async () => {
  stack = await startObservedStack({ withWorker: false });
  traffic = await driveSaleTraffic(stack);
  apiSamples = await scrapeUntil(
    `${stack.baseUrl}/metrics`,
    (s) => valueOf(s, 'tessera_sse_connections') === 0,
  );
}, 90_000);

afterAll(async () => {
  await stack?.close();
}, 30_000);

describe('API /metrics after real traffic', () => {
  it('exposes every named series', () => {
    const names = sampleNames(apiSamples);
    expect(API_SERIES.filter((name) => !names.has(name))).toEqual([]);
  });

  it('observes each procedure by type and outcome, once per procedure of a batch', () => {
    const count = (labels: Record<string, string>) => valueOf(apiSamples, DURATION_COUNT, labels);
    expect(count({ procedure: 'holds.create', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(count({ procedure: 'holds.create', type: 'mutation', outcome: 'CONFLICT' })).toBe(1);
    expect(count({ procedure: 'waitingRoom.join', type: 'mutation', outcome: 'ok' })).toBe(2);
    expect(count({ procedure: 'waitingRoom.status', type: 'query', outcome: 'ok' })).toBe(
      traffic.statusCalls,
    );
    // The seat map's SSE fast path never enters tRPC's middleware; the adapter's streams do.
    expect(count({ procedure: 'waitingRoom.onUpdate', type: 'subscription', outcome: 'ok' })).toBe(
      1,
    );
    expect(traffic.batchObservations).toEqual({ 'auth.me': 1, 'events.get': 1 });
  });

  it('counts holds and conflicts, and open SSE streams on both serving paths', () => {
    expect(valueOf(apiSamples, 'tessera_holds_created_total')).toBeGreaterThanOrEqual(1);
    expect(valueOf(apiSamples, 'tessera_hold_conflicts_total')).toBeGreaterThanOrEqual(1);
    expect(traffic.sseOpen).toEqual({ 'seats.onChange': 1, 'waitingRoom.onUpdate': 1 });
    expect(valueOf(apiSamples, 'tessera_sse_connections')).toBe(0);
    const queued = valueOf(apiSamples, 'tessera_waiting_room_active_shoppers', {
      event_id: traffic.eventId,
    });
    expect(queued).toBe(2);
    expect(
      valueOf(apiSamples, 'tessera_http_requests_total', { route: '/trpc/holds.create' }),
    ).toBe(2);
  });
});
