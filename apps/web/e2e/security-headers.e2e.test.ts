// The web app under the API's real Content-Security-Policy in Chromium: the event list, an event's
// live seat map, the waiting room and the admin's live dashboard render with zero CSP violations
// (securitypolicyviolation events and console reports both count); and the policy really bites:
// a script or stylesheet injected into the page is refused. Screenshot:
// test-results/security-headers-seat-map.png.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import { createPrismaClient } from '@tessera/db/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { E2E_REDIS_URL } from './e2e-env.ts';
import { screenshot, settledCards } from './journey-helpers.ts';
import { findOpenSaleEvent, newFan, register, waitForLiveMap } from './sale-helpers.ts';

const baseUrl = inject('baseUrl');
const ADMIN = { email: 'admin@tessera.dev', password: 'Admin-pass-2026' };
const SETTLE = { timeout: 20_000, interval: 250 };

let browser: Browser;
const contexts: BrowserContext[] = [];
/** Every violation seen, as "<page>: <directive> <blocked>" (or the console's words). */
const violations: string[] = [];
const pageErrors: string[] = [];

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const newPage = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  // Runs in every document before the app's own scripts, so no early violation is missed.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
};

/** Opens `path` (a full page load with the real headers), waits for `ready`, records violations. */
const visit = async (page: Page, path: string, ready: () => Promise<unknown>) => {
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  await ready();
  const seen = await page.evaluate(() => window.__cspViolations ?? []);
  violations.push(...seen.map((v) => `${path}: ${v}`));
};

/** An event on sale now behind the waiting room (the seed has some), mirrored into Redis. */
const openQueuedEvent = async () => {
  const prisma = createPrismaClient({ databaseUrl: inject('databaseUrl'), poolSize: 1 });
  const redis = createRedisClient({ redisUrl: E2E_REDIS_URL });
  try {
    // A seeded window (the oldest) that runs for a while yet: the e2e database outlives runs, and
    // an earlier run's window still OPEN in Postgres but past its end (no worker ends it here) is
    // ended by the schedule step below, so its queue page says the sale is over.
    const window = await prisma.onSaleWindow.findFirstOrThrow({
      where: {
        status: 'OPEN',
        waitingRoomEnabled: true,
        startsAt: { lte: new Date() },
        endsAt: { gt: new Date(Date.now() + 30 * 60_000) },
        event: { status: 'PUBLISHED' },
      },
      orderBy: { createdAt: 'asc' },
      select: { id: true, eventId: true },
    });
    // The worker's schedule step, on the API's own keys (no worker runs in the browser tests).
    const store = { prisma, redis, prefix: inject('redisPrefix') };
    await runWindowSchedule({ ...store, windowIds: [window.id] });
    return window.eventId;
  } finally {
    await Promise.all([prisma.$disconnect(), redis.quit()]);
  }
};

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('the web app under its Content-Security-Policy', () => {
  it('renders the event list, a live seat map, the waiting room and the dashboard with no violation', async () => {
    const fan = await newPage();
    await visit(fan, '/events', () => expect.poll(() => settledCards(fan), SETTLE).not.toBeNull());
    expect((await settledCards(fan))!.length).toBeGreaterThan(0);

    const sale = await findOpenSaleEvent(inject('databaseUrl'));
    await visit(fan, `/events/${sale.id}`, () => waitForLiveMap(fan));
    expect(await fan.locator('[data-seat-id]').count()).toBeGreaterThan(0);
    await screenshot(fan, 'security-headers-seat-map', false);

    await register(fan, baseUrl, newFan('Csp'));
    await visit(fan, `/events/${await openQueuedEvent()}/queue`, () =>
      fan.getByText(/You are in the (pre-)?queue/).waitFor({ timeout: 20_000 }),
    );

    const admin = await newPage();
    await admin.goto(`${baseUrl}/login`);
    await admin.getByLabel('Email').fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByTestId('signed-in-user').waitFor({ state: 'attached' });
    await visit(admin, `/admin/events/${sale.id}/dashboard`, async () => {
      await admin.getByText(/Live · updated/).waitFor({ timeout: 20_000 });
      // The sparklines (uPlot) draw into canvases once data is in.
      await admin.locator('canvas').first().waitFor();
    });

    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a script or stylesheet injected into the page', async () => {
    const page = await newPage();
    await visit(page, '/events', () => page.getByRole('heading').first().waitFor());
    violations.length = 0;
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { display: none; }';
      document.head.append(style);
      // Violation events are queued as tasks; let them fire.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        ran: 'injected' in window,
        hidden: getComputedStyle(document.body).display === 'none',
        reported: window.__cspViolations ?? [],
      };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.hidden).toBe(false);
    expect(outcome.reported.map((v) => v.split(' ')[0]).sort()).toEqual([
      'script-src-elem',
      'style-src-elem',
    ]);
  });
});
