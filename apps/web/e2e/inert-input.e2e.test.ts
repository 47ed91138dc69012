// Hostile strings are stored and shown inertly, in Chromium under the app's real CSP: a venue,
// its section and price tier, an event and a fan are created through the API with HTML, script
// and SQL-looking text in their names; the pages that show them (event list, event page, the fan's
// order and tickets, the admin's event, venue and order pages) show that text literally, no
// injected element exists, window.__xss stays undefined, no dialog opens, no CSP violation or
// script error is reported, and Postgres holds the strings exactly as sent.
// Screenshots: test-results/inert-input-*.png.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { block, layoutDocument, section } from '@tessera/core/layouts/layout-test-documents';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import { createPrismaClient } from '@tessera/db/client';
import { launchBrowser } from './browser.ts';
import { E2E_REDIS_URL } from './e2e-env.ts';
import { screenshot } from './journey-helpers.ts';
import { newFan } from './sale-helpers.ts';
import { call, signInAdmin } from './trpc-call.ts';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const SQL = "'; DROP TABLE users; --";

const baseUrl = inject('baseUrl');
const prisma = createPrismaClient({ databaseUrl: inject('databaseUrl'), poolSize: 2 });
const MINUTE = 60_000;
const suffix = randomUUID().slice(0, 6);
/** A plain word to search for, then every hostile string. */
const searchWord = `Inert${suffix}`;
const texts = {
  venueName: `${IMG} Hall ${suffix}`,
  venueCity: SQL,
  venueAddress: SCRIPT,
  sectionName: SQL,
  tierName: SCRIPT,
  eventTitle: `${searchWord} ${SCRIPT}${IMG}`,
  eventDescription: `${IMG} ${SCRIPT} ${SQL}`,
  eventCity: SQL,
  fanName: `${SCRIPT}${IMG}${SQL}`,
};
const CARD = {
  cardNumber: '4242 4242 4242 4242',
  expMonth: 12,
  expYear: 2031,
  cvc: '123',
  name: SQL,
};

declare global {
  interface Window {
    __xss?: unknown;
    __cspViolations?: string[];
  }
}

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const dialogs: string[] = [];
const consoleViolations: string[] = [];
let fanPage: Page;
let adminPage: Page;
let fan: ReturnType<typeof newFan>;
let venueId = '';
let eventId = '';
let orderId = '';

const newPage = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  // Runs before the app's scripts in every document, so no violation is missed.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
};

/** The setup an admin and a fan would do: venue, event, open sale, account, a paid order. */
const createHostileRecords = async (admin: APIRequestContext, fanApi: APIRequestContext) => {
  await signInAdmin(admin, baseUrl);
  const document = layoutDocument({
    tiers: [
      { code: 'A', name: texts.tierName, color: '#e11d48', defaultPriceCents: 5000 },
      { code: 'B', name: 'Back', color: '#2563eb', defaultPriceCents: 3000 },
    ],
    sections: [
      section({ name: texts.sectionName, blocks: [block({ rowCount: 2, seatsPerRow: 6 })] }),
    ],
  });
  const venue = await call<{ id: string }>(admin, baseUrl, 'admin.venues.create', {
    details: { name: texts.venueName, city: texts.venueCity, address: texts.venueAddress },
    document,
  });
  venueId = venue.id;
  const now = Date.now();
  const event = await call<{ id: string }>(admin, baseUrl, 'admin.events.create', {
    title: texts.eventTitle,
    description: texts.eventDescription,
    category: 'CONCERT',
    city: texts.eventCity,
    venueId,
    startsAt: new Date(now + 30 * 24 * 60 * MINUTE).toISOString(),
    imageUrl: null,
    // Venue default prices: an event without its own prices is never another test's template.
    prices: [],
  });
  eventId = event.id;
  const window = await call<{ id: string }>(admin, baseUrl, 'admin.onSales.schedule', {
    eventId,
    name: SQL,
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 60 * MINUTE).toISOString(),
  });
  await call(admin, baseUrl, 'admin.events.publish', { id: eventId });
  // The worker's schedule step opens the window (no worker runs in the browser tests).
  const redis = createRedisClient({ redisUrl: E2E_REDIS_URL });
  try {
    await runWindowSchedule({
      prisma,
      redis,
      prefix: inject('redisPrefix'),
      windowIds: [window.id],
    });
  } finally {
    await redis.quit();
  }

  fan = { ...newFan('Inert'), name: texts.fanName };
  await call(fanApi, baseUrl, 'auth.register', fan);
  const hold = await call<{ id: string }>(fanApi, baseUrl, 'holds.create', {
    eventId,
    quantity: 2,
  });
  const paid = await call<{ orderId: string | null; status: string }>(
    fanApi,
    baseUrl,
    'checkout.pay',
    { holdId: hold.id, paymentMethod: CARD, idempotencyKey: randomUUID() },
  );
  if (!paid.orderId) throw new Error(`payment not confirmed: ${paid.status}`);
  orderId = paid.orderId;
};

/**
 * Opens `path`, waits until every expected string is on screen as text, and returns what an
 * injection would have left behind.
 */
const visit = async (page: Page, path: string, expected: string[], name: string) => {
  await page.goto(`${baseUrl}${path}`);
  for (const text of expected) await page.getByText(text).first().waitFor({ timeout: 15_000 });
  await screenshot(page, `inert-input-${name}`);
  return page.evaluate(() => ({
    xss: typeof window.__xss,
    injectedImages: document.querySelectorAll('img[src="x"], img[onerror], [onerror]').length,
    injectedScripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
    violations: window.__cspViolations ?? [],
  }));
};

const INERT = { xss: 'undefined', injectedImages: 0, injectedScripts: 0, violations: [] };

beforeAll(async () => {
  browser = await launchBrowser();
  [fanPage, adminPage] = [await newPage(), await newPage()];
  await createHostileRecords(adminPage.context().request, fanPage.context().request);
});

afterAll(async () => {
  // Off the catalog, so other journeys' lists and screenshots never show these names.
  if (eventId)
    await call(adminPage.context().request, baseUrl, 'admin.events.cancel', { id: eventId });
  for (const context of contexts) await context.close();
  await browser?.close();
  await prisma.$disconnect();
});

describe('HTML, script and SQL-looking text in names', () => {
  it('is stored exactly as sent (and the users table is still there)', async () => {
    const venue = await prisma.venue.findUniqueOrThrow({ where: { id: venueId } });
    const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: fan.email } });
    expect({ name: venue.name, city: venue.city, address: venue.address }).toEqual({
      name: texts.venueName,
      city: texts.venueCity,
      address: texts.venueAddress,
    });
    expect({ title: event.title, description: event.description, city: event.city }).toEqual({
      title: texts.eventTitle,
      description: texts.eventDescription,
      city: texts.eventCity,
    });
    expect(user.name).toBe(texts.fanName);
    expect(await prisma.user.count()).toBeGreaterThan(1);
  });

  it('is shown literally to fans: event list, event page, order, tickets, header', async () => {
    const seen = {
      list: await visit(
        fanPage,
        `/events?q=${searchWord}`,
        [texts.eventTitle, texts.venueName, texts.eventCity],
        'event-list',
      ),
      event: await visit(
        fanPage,
        `/events/${eventId}`,
        [texts.eventTitle, texts.eventDescription, texts.venueName, texts.tierName],
        'event-page',
      ),
      // A long unbroken tier name wraps inside its row; the price stays in the card.
      tierRowsOverflowing: await fanPage
        .getByTestId('price-tier')
        .evaluateAll((rows) => rows.filter((row) => row.scrollWidth > row.clientWidth).length),
      order: await visit(
        fanPage,
        `/orders/${orderId}`,
        [texts.eventTitle, texts.sectionName],
        'order-page',
      ),
      tickets: await visit(fanPage, '/tickets', [texts.eventTitle], 'tickets'),
    };
    expect(await fanPage.getByTestId('signed-in-user').textContent()).toContain(texts.fanName);
    expect(seen).toEqual({
      list: INERT,
      event: INERT,
      tierRowsOverflowing: 0,
      order: INERT,
      tickets: INERT,
    });
  });

  it('is shown literally to admins: event, venue and order lists and pages', async () => {
    const seen = {
      events: await visit(
        adminPage,
        `/admin/events?q=${searchWord}`,
        [texts.eventTitle],
        'admin-events',
      ),
      event: await visit(adminPage, `/admin/events/${eventId}`, [texts.eventTitle], 'admin-event'),
      venues: await visit(adminPage, '/admin/venues', [texts.venueName], 'admin-venues'),
      orders: await visit(
        adminPage,
        `/admin/orders?q=${encodeURIComponent(fan.email)}`,
        [texts.eventTitle],
        'admin-orders',
      ),
      order: await visit(
        adminPage,
        `/admin/orders/${orderId}`,
        [texts.eventTitle, texts.fanName],
        'admin-order',
      ),
    };
    expect(seen).toEqual({
      events: INERT,
      event: INERT,
      venues: INERT,
      orders: INERT,
      order: INERT,
    });
  });

  it('ran no injected code: no dialog, no CSP report, no script error', () => {
    expect({ dialogs, consoleViolations, pageErrors }).toEqual({
      dialogs: [],
      consoleViolations: [],
      pageErrors: [],
    });
  });
});
