// GET /metrics: Prometheus text with Node process metrics, the waiting-room gauges of running
// windows (after real joins and an admission), hold counters; windows not running carry no series;
// a Redis outage empties the window gauges but the scrape still answers.
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFan } from '../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  createSessionClient,
  openWaitingRoom,
} from '../trpc/routers/waiting-room/waiting-room-test-kit.ts';

let testApp: TestApp;
let baseUrl = '';

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
});

afterAll(async () => {
  await testApp.close();
});

const scrape = async () => {
  const response = await testApp.app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return response.body;
};

/** The value of one series (name and exact label set as Prometheus prints it); null if absent. */
const valueOf = (body: string, series: string): number | null => {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  it('exposes the waiting-room gauges of a running window after joins and an admission', async () => {
    const { event, window } = await openWaitingRoom(testApp, {
      admissionMode: 'CAP',
      maxActiveShoppers: 2,
    });
    const fans = await Promise.all([1, 2, 3, 4, 5].map(() => createFan(testApp)));
    for (const fan of fans) {
      const client = createSessionClient({
        baseUrl,
        cookieName: testApp.config.sessionCookieName,
        session: fan.token,
      });
      await client.waitingRoom.join.mutate({ eventId: event.id });
    }
    await advanceAdmission({
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      windowId: window.id,
    });

    const body = await scrape();
    const labels = `{event_id="${event.id}",window_id="${window.id}"}`;
    expect(valueOf(body, `tessera_waiting_room_queue_length${labels}`)).toBe(3);
    expect(valueOf(body, `tessera_waiting_room_prequeue_size${labels}`)).toBe(0);
    expect(valueOf(body, `tessera_waiting_room_active_shoppers${labels}`)).toBe(2);
    expect(valueOf(body, `tessera_waiting_room_admitted_per_minute${labels}`)).toBeGreaterThan(0);
    expect(valueOf(body, `tessera_waiting_room_abandonment_ratio${labels}`)).toBe(0);
    const waitP50 = valueOf(body, `tessera_waiting_room_wait_p50_seconds${labels}`);
    const waitP95 = valueOf(body, `tessera_waiting_room_wait_p95_seconds${labels}`);
    expect(waitP50).toBeGreaterThanOrEqual(0);
    expect(waitP95).toBeGreaterThanOrEqual(waitP50!);
    expect(body).toContain('# TYPE tessera_holds_created_total counter');
    expect(body).toContain('# TYPE tessera_hold_conflicts_total counter');
    expect(valueOf(body, 'tessera_dashboard_subscribers')).toBeGreaterThanOrEqual(0);
    expect(valueOf(body, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(body).toContain('nodejs_eventloop_lag_seconds');
  });

  it('drops the series of a window once it is no longer running', async () => {
    const { window } = await openWaitingRoom(testApp);
    expect(await scrape()).toContain(`window_id="${window.id}"`);
    await testApp.prisma.onSaleWindow.update({
      where: { id: window.id },
      data: { status: 'ENDED' },
    });
    expect(await scrape()).not.toContain(`window_id="${window.id}"`);
  });

  it('still answers when Redis is gone: window gauges empty, the failure counted', async () => {
    await openWaitingRoom(testApp);
    const broken = await startTestApp();
    try {
      broken.redis.disconnect();
      const response = await broken.app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('tessera_waiting_room_queue_length{');
      expect(
        valueOf(response.body, 'tessera_metrics_collect_failures_total{collector="waiting_room"}'),
      ).toBe(1);
      expect(valueOf(response.body, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    } finally {
      await broken.app.close();
      await broken.prisma.$disconnect();
    }
  });
});
