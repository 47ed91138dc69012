// A fan as a new user would, on a desktop and on a phone (touch) side by side: open the home page,
// create an account through the form, search the catalog and open an event whose pre-queue is
// open, join the pre-queue, get a place when the sale opens, be admitted, tap seats on the map,
// pay with the declining test card (see the error), pay with the good card, see the tickets.
// Then an admin refunds the phone fan's order in the admin console and the desktop fan's live map
// shows those seats back on sale. Setup (event, window, the start moved to "now") goes through the
// admin API; the worker's schedule and admission steps are driven from here (no worker in e2e).
// Screenshots of every step: test-results/fan-new-user-<step>-<desktop|phone>.png.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import { createPrismaClient } from '@tessera/db/client';
import { launchBrowser } from './browser.ts';
import { E2E_REDIS_URL } from './e2e-env.ts';
import { screenshot } from './journey-helpers.ts';
import { newFan, seat, seatStates, waitForLiveMap } from './sale-helpers.ts';
import { call, signInAdmin } from './trpc-call.ts';

const baseUrl = inject('baseUrl');
const prisma = createPrismaClient({ databaseUrl: inject('databaseUrl'), poolSize: 2 });
const redis = createRedisClient({ redisUrl: E2E_REDIS_URL });
const store = { prisma, redis, prefix: inject('redisPrefix') };
const SETTLE = { timeout: 20_000, interval: 250 };
const MINUTE = 60_000;
const suffix = randomUUID().slice(0, 6);
/** A word no seeded title has, so the search finds exactly this event. */
const SEARCH_WORD = `Moonlit${suffix}`;
const eventTitle = `${SEARCH_WORD} Serenade`;
const DECLINE_CARD = /Use this card, 4000 0000 0000 0002/;
const GOOD_CARD = /Use this card, 4242 .*succeeds/;

interface Fan {
  device: 'desktop' | 'phone';
  page: Page;
  account: ReturnType<typeof newFan>;
  seats: number[];
  orderId: string;
}

let browser: Browser;
let adminContext: BrowserContext;
let adminApi: APIRequestContext;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let eventId = '';
let windowId = '';
let rows: number[][] = [];
const usedRows = new Set<number[]>();
let fans: Fan[] = [];

/** A full-page screenshot from the top (else the sticky header is drawn mid-page). */
const shot = async (fan: Fan, step: string) => {
  await fan.page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(fan.page, `fan-new-user-${step}-${fan.device}`);
};

const newFanPage = async (device: Fan['device']): Promise<Fan> => {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    ...(device === 'phone'
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 900 } }),
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${device}: ${error.message}`));
  return { device, page, account: newFan(`New ${device}`), seats: [], orderId: '' };
};

/** Clicks on a desktop, taps on the phone. */
const press = (fan: Fan, locator: ReturnType<Page['locator']>) =>
  fan.device === 'phone' ? locator.tap() : locator.click();

/**
 * Two seats a fan can see and tap without panning (a phone opens the map zoomed in on its
 * middle): available, with the next two seats free too and the two before them free or the row's
 * start, so the hold never strands a single seat. Earlier runs leave sold seats behind.
 */
const pickVisibleSeats = async (page: Page): Promise<number[]> => {
  const states = await seatStates(page);
  const visible = await page.evaluate(() => {
    // The frame that clips the zoomed map (react-zoom-pan-pinch's wrapper).
    const frame = document.querySelector('.react-transform-wrapper')!.getBoundingClientRect();
    const inside = new Set<string>();
    for (const circle of document.querySelectorAll('[data-seat-id]')) {
      const r = circle.getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      if (
        x > frame.left + 12 &&
        x < frame.right - 12 &&
        y > frame.top + 12 &&
        y < frame.bottom - 12
      )
        inside.add(circle.getAttribute('data-seat-id')!);
    }
    return [...inside];
  });
  const seen = new Set(visible);
  const free = (id: number | undefined) => id !== undefined && states[String(id)] === 'a';
  for (const row of rows) {
    if (usedRows.has(row)) continue;
    for (let i = 0; i + 4 <= row.length; i += 1) {
      const before = i === 0 || (free(row[i - 1]) && (i === 1 || free(row[i - 2])));
      const stretch = row.slice(i, i + 4);
      if (
        before &&
        stretch.every(free) &&
        stretch.slice(0, 2).every((id) => seen.has(String(id)))
      ) {
        usedRows.add(row);
        return stretch.slice(0, 2);
      }
    }
  }
  throw new Error('No free stretch of seats in view on the map.');
};

/** Waits for a text; on failure keeps a screenshot of what the fan saw instead. */
const expectText = async (fan: Fan, text: string | RegExp, step: string) => {
  try {
    await fan.page.getByText(text).first().waitFor({ timeout: 20_000 });
  } catch (error) {
    await shot(fan, `failed-${step}`);
    const main = await fan.page.locator('main').textContent();
    throw new Error(`"${text}" not shown on the ${fan.device}; it said: ${main?.slice(0, 400)}`, {
      cause: error,
    });
  }
};

/** A published event on the smallest seeded venue with a waiting-room window in ten minutes. */
const createEventWithPreQueue = async () => {
  const template = await prisma.event.findFirstOrThrow({
    where: { status: 'PUBLISHED', prices: { some: {} } },
    orderBy: { capacity: 'asc' },
    select: { category: true, city: true, venueId: true, prices: true },
  });
  const now = Date.now();
  const event = await call<{ id: string }>(adminApi, baseUrl, 'admin.events.create', {
    title: eventTitle,
    description: 'An evening of songs under the open sky.',
    category: template.category,
    city: template.city,
    venueId: template.venueId,
    startsAt: new Date(now + 30 * 24 * 60 * MINUTE).toISOString(),
    imageUrl: null,
    // One price per tier, as the console's event form sends them.
    prices: template.prices.map(({ priceTierId, priceCents }) => ({ priceTierId, priceCents })),
  });
  const window = await call<{ id: string }>(adminApi, baseUrl, 'admin.onSales.schedule', {
    eventId: event.id,
    name: 'General sale',
    startsAt: new Date(now + 10 * MINUTE).toISOString(),
    endsAt: new Date(now + 70 * MINUTE).toISOString(),
    waitingRoomEnabled: true,
    preQueueOpensAt: new Date(now - MINUTE).toISOString(),
    admissionMode: 'PACE',
    admissionRatePerMinute: 600,
    shopperSessionSeconds: 600,
    perFanSeatLimit: 4,
  });
  await call(adminApi, baseUrl, 'admin.events.publish', { id: event.id });
  // The worker's schedule step: the pre-queue opens (the lottery commitment is published).
  const scheduled = await runWindowSchedule({ ...store, windowIds: [window.id] });
  expect(scheduled.preQueuesOpened).toEqual([window.id]);
  const seats = await prisma.seat.findMany({
    where: { venueId: template.venueId },
    orderBy: [{ rowId: 'asc' }, { position: 'asc' }],
    select: { id: true, rowId: true },
  });
  const byRow = new Map<number, number[]>();
  for (const s of seats) byRow.set(s.rowId, [...(byRow.get(s.rowId) ?? []), s.id]);
  rows = [...byRow.values()];
  return { eventId: event.id, windowId: window.id };
};

beforeAll(async () => {
  browser = await launchBrowser();
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  adminApi = adminContext.request;
  await signInAdmin(adminApi, baseUrl);
  ({ eventId, windowId } = await createEventWithPreQueue());
  fans = [await newFanPage('desktop'), await newFanPage('phone')];
});

afterAll(async () => {
  // Off the catalog and its window ended, so later runs and other journeys do not pick it up.
  if (eventId) await call(adminApi, baseUrl, 'admin.events.cancel', { id: eventId });
  for (const context of [...contexts, adminContext]) await context?.close();
  await browser?.close();
  await Promise.all([prisma.$disconnect(), redis.quit()]);
});

describe('a new fan, on a desktop and on a phone', () => {
  it('opens the home page and creates an account through the form', async () => {
    for (const fan of fans) {
      const { page, account } = fan;
      await page.goto(`${baseUrl}/`);
      await page.waitForURL(`${baseUrl}/events`);
      await page.getByTestId('event-card').first().waitFor();
      await shot(fan, '1-home');
      await press(fan, page.getByRole('link', { name: 'Create account' }).first());
      await page.waitForURL(`${baseUrl}/register`);
      await page.getByLabel('Name').fill(account.name);
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await shot(fan, '2-register');
      await press(fan, page.getByRole('button', { name: 'Create account' }));
      await page.waitForURL(`${baseUrl}/events`);
      await page.getByTestId('signed-in-user').waitFor();
    }
  });

  it('searches the catalog, opens the event and joins its pre-queue', async () => {
    for (const fan of fans) {
      const { page } = fan;
      await page.getByRole('searchbox', { name: 'Search events' }).fill(SEARCH_WORD);
      const card = page.getByTestId('event-card').filter({ hasText: eventTitle });
      await card.waitFor({ timeout: 15_000 });
      // The search applies after a debounce: the card can show in the unfiltered list first and
      // move when the filtered list replaces it, so a click in between lands on empty space.
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="event-card"]').length === 1,
        undefined,
        { timeout: 15_000 },
      );
      await shot(fan, '3-search');
      await press(fan, card.getByRole('link').first());
      await page.waitForURL(`${baseUrl}/events/${eventId}`);
      await page.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
      const callout = page.getByTestId('queue-callout');
      await callout.waitFor();
      await shot(fan, '4-event-page');
      await press(fan, callout.getByRole('link', { name: 'Go to the waiting room' }));
      await page.waitForURL(`${baseUrl}/events/${eventId}/queue`);
      await expectText(fan, 'You are in the pre-queue', 'pre-queue');
      expect(await page.getByRole('timer').first().textContent()).toMatch(/^\d\d:\d\d$/);
      await shot(fan, '5-pre-queue');
    }
    // Both fans are in the pre-queue held in Redis.
    const size = fans[0]!.page.getByTestId('prequeue-size');
    await expect.poll(() => size.textContent(), SETTLE).toContain('2 fans are in the pre-queue');
  });

  it('sees a place in the queue when the sale opens, and is admitted to the seat map', async () => {
    // The admin brings the start forward to a moment from now (as the console allows).
    const startsAt = Date.now() + 1_500;
    await call(adminApi, baseUrl, 'admin.onSales.update', {
      id: windowId,
      changes: { startsAt: new Date(startsAt).toISOString() },
    });
    // Wall-clock wait: the scripts judge the start by Redis time, as in production.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt - Date.now() + 200)));
    const opened = await runWindowSchedule({ ...store, windowIds: [windowId] });
    expect(opened.opened).toEqual([windowId]);
    const places: number[] = [];
    for (const fan of fans) {
      await expectText(fan, 'You are in the queue', 'queue');
      places.push(Number(await fan.page.getByTestId('queue-position').textContent()));
      await shot(fan, '6-queue-position');
    }
    // The lottery placed the two pre-queued fans first and second, in some order.
    expect(places.sort()).toEqual([1, 2]);

    await expect
      .poll(
        async () => {
          await advanceAdmission({ ...store, windowId });
          return fans.map((fan) => fan.page.url());
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(fans.map(() => `${baseUrl}/events/${eventId}`));
    for (const fan of fans) {
      await fan.page.getByTestId('shopper-session').waitFor();
      await waitForLiveMap(fan.page);
      await shot(fan, '7-admitted-seat-map');
    }
  });

  it('picks two seats on the map and holds them', async () => {
    for (const fan of fans) {
      const { page } = fan;
      await page.locator('.react-transform-wrapper').scrollIntoViewIfNeeded();
      fan.seats = await pickVisibleSeats(page);
      for (const id of fan.seats) await press(fan, seat(page, id));
      const panel = page.getByTestId('selection-panel');
      await panel.waitFor();
      expect(await panel.getByRole('listitem').count()).toBe(2);
      await shot(fan, '8-seats-picked');
      await press(fan, page.getByRole('button', { name: 'Hold these seats' }));
      await page.getByTestId('hold-panel').waitFor({ timeout: 15_000 });
      await shot(fan, '9-held');
    }
  });

  it('is declined with the declining test card, told why, and pays with the good card', async () => {
    for (const fan of fans) {
      const { page } = fan;
      await press(fan, page.getByRole('link', { name: 'Continue to checkout' }));
      await page.waitForURL(/\/checkout\/[0-9a-f-]{36}$/);
      await page.getByTestId('test-cards').waitFor();
      await press(fan, page.getByRole('button', { name: DECLINE_CARD }));
      await press(fan, page.getByRole('button', { name: /^Pay / }));
      const declined = page.locator('[data-status="DECLINED"]');
      await declined.waitFor({ timeout: 20_000 });
      expect(await declined.textContent()).toMatch(/declined/i);
      // The fan is still on the checkout with the hold: nothing was sold.
      expect(page.url()).toMatch(/\/checkout\//);
      await page.getByTestId('hold-countdown').waitFor();
      await shot(fan, '10-declined');

      await press(fan, page.getByRole('button', { name: GOOD_CARD }));
      await press(fan, page.getByRole('button', { name: /^Pay / }));
      await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
      await page.getByRole('heading', { level: 1, name: 'You’re going!' }).waitFor();
      expect(await page.getByTestId('ticket').count()).toBe(2);
      fan.orderId = new URL(page.url()).pathname.split('/').pop()!;
      await shot(fan, '11-tickets');
    }
    // Postgres agrees: one confirmed order of two tickets each, for the seats the fan picked.
    for (const fan of fans) {
      const order = await prisma.order.findUniqueOrThrow({
        where: { id: fan.orderId },
        select: { status: true, seats: { select: { seatId: true } } },
      });
      expect(order.status).toBe('CONFIRMED');
      expect(order.seats.map((s) => s.seatId).sort()).toEqual([...fan.seats].sort());
    }
  });

  it('finds the order under My tickets', async () => {
    for (const fan of fans) {
      const { page } = fan;
      await page.goto(`${baseUrl}/tickets`);
      const order = page.getByTestId('order-row').filter({ hasText: eventTitle });
      await order.waitFor();
      expect(await order.getByTestId('order-ticket-count').textContent()).toBe('2 tickets');
      await shot(fan, '12-my-tickets');
    }
  });
});

describe('an admin refunds an order', () => {
  it("refunds the phone fan's order in the console; the seats are back on the desktop fan's map", async () => {
    const [desktop, phone] = fans as [Fan, Fan];
    await desktop.page.goto(`${baseUrl}/events/${eventId}`);
    await waitForLiveMap(desktop.page);
    const states = await seatStates(desktop.page);
    expect(phone.seats.map((id) => states[String(id)])).toEqual(['s', 's']);

    const admin = await adminContext.newPage();
    admin.on('pageerror', (error) => pageErrors.push(`admin: ${error.message}`));
    await admin.goto(`${baseUrl}/admin/orders`);
    await admin.getByLabel('Search orders').fill(phone.account.email);
    await admin.getByRole('button', { name: 'Search' }).click();
    const row = admin.getByTestId('admin-order-row');
    await expect.poll(() => row.count(), SETTLE).toBe(1);
    await screenshot(admin, 'fan-new-user-13-admin-orders');
    await row.click();
    await admin.waitForURL(`${baseUrl}/admin/orders/${phone.orderId}`);
    await admin.getByRole('button', { name: 'Refund order' }).click();
    await admin
      .getByRole('dialog', { name: 'Refund this order?' })
      .getByRole('button', { name: 'Refund' })
      .click();
    await admin.getByText('2 seats are back on sale.', { exact: false }).waitFor();
    expect(await admin.getByTestId('admin-order-status').textContent()).toBe('Refunded');
    await screenshot(admin, 'fan-new-user-14-admin-refunded');

    // The desktop fan's open map turns the seats available without a reload.
    await expect
      .poll(async () => {
        const now = await seatStates(desktop.page);
        return phone.seats.map((id) => now[String(id)]);
      }, SETTLE)
      .toEqual(['a', 'a']);
    await shot(desktop, '15-seats-back-on-sale');
    const refunded = await prisma.order.findUniqueOrThrow({ where: { id: phone.orderId } });
    expect(refunded.status).toBe('REFUNDED');
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
