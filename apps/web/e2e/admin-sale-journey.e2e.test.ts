// One admin journey across the console in one browser context, as a new admin would run a sale:
// sign in, draw a 2-section venue (one curved row block), create an event on it with a price per
// tier, schedule a paced waiting-room window, publish the event, then open its live dashboard
// while a script (fans over the API: join the queue, get admitted, hold seats) makes holds; the
// figures move. The worker's schedule and admission steps are driven from here (no worker in e2e).
// Screenshots of each screen: test-results/admin-journey-*.png.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import {
  createPageTracker,
  drawTwoSectionVenue,
  openE2eStores,
  SETTLE,
  signInAsAdmin,
} from './admin-helpers.ts';
import { launchBrowser } from './browser.ts';
import { screenshot } from './journey-helpers.ts';
import { newFan } from './sale-helpers.ts';
import { call as trpcCall } from './trpc-call.ts';

const baseUrl = inject('baseUrl');
const stores = openE2eStores();
const { prisma, store } = stores;
const MINUTE = 60_000;
const DAY = 86_400_000;
const suffix = randomUUID().slice(0, 6);
const venueName = `Journey Hall ${suffix}`;
const eventTitle = `Journey Night ${suffix}`;
const WINDOW = 'Journey sale';
const FANS = 3;
const SEATS_PER_FAN = 2;

let browser: Browser;
const pages = createPageTracker({ width: 1366, height: 1000 });
const fanContexts: BrowserContext[] = [];
let admin: Page;
let venueId = '';
let eventId = '';
let windowId = '';
let windowStart = 0;

/** The browser runs in UTC, so a datetime-local value is the UTC ISO time to the minute. */
const localInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const shot = (name: string, fullPage = true) =>
  screenshot(admin, `admin-journey-${name}`, fullPage);

const call = <T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  kind: 'query' | 'mutation' = 'mutation',
) => trpcCall<T>(request, baseUrl, path, input, kind);

/** The script: a fan registers, joins the queue, is let in by the admission step and holds seats. */
const fanHolds = async () => {
  const fanContext = await browser.newContext();
  fanContexts.push(fanContext);
  const request = fanContext.request;
  await call(request, 'auth.register', newFan('Journeyfan'));
  await call(request, 'waitingRoom.join', { eventId });
  let token = '';
  await expect
    .poll(
      async () => {
        await advanceAdmission({ ...store, windowId });
        const status = await call<{ state: string; admission: { token: string } | null }>(
          request,
          'waitingRoom.status',
          { eventId },
          'query',
        );
        token = status.admission?.token ?? '';
        return status.state;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe('ADMITTED');
  const hold = await call<{ seats: Array<{ seatId: number }> }>(request, 'holds.create', {
    eventId,
    quantity: SEATS_PER_FAN,
    admissionToken: token,
  });
  expect(hold.seats).toHaveLength(SEATS_PER_FAN);
};

/** Seats held, summed over the dashboard's tier table (the "Held" column). */
const heldOnDashboard = () =>
  admin
    .getByRole('table', { name: 'Seats by price tier' })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.reduce(
        (sum, row) =>
          sum + Number(row.querySelectorAll('td')[1]?.textContent?.replace(/\D/g, '') || 0),
        0,
      ),
    );

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await pages.open(browser);
});

afterAll(async () => {
  for (const c of fanContexts) await c.close();
  await pages.closeAll();
  await browser?.close();
  await stores.close();
});

describe('an admin runs a sale from an empty venue to the live dashboard', () => {
  it('1. signs in', async () => {
    await signInAsAdmin(admin, { beforeSubmit: () => shot('1-sign-in') });
  });

  it('2. builds a 2-section venue with a curved row block and saves it', async () => {
    await admin.goto(`${baseUrl}/admin/venues/new`);
    await admin.getByLabel('Venue name').fill(venueName);
    await admin.getByLabel('City').fill('Ghent');
    // The curved block's front row becomes a second price tier.
    await drawTwoSectionVenue(admin);
    await shot('2-venue-designer');

    await admin.getByRole('button', { name: 'Create venue' }).click();
    await admin.waitForURL(/\/admin\/venues\/[0-9a-f-]{36}$/);
    await admin.getByText('Venue created with 132 seats.').waitFor();
    venueId = admin.url().split('/').at(-1)!;
    expect(await prisma.seat.count({ where: { venueId } })).toBe(132);
    await shot('2-venue-saved');
  });

  it('3. creates an event on that venue with a price for each tier', async () => {
    await admin.goto(`${baseUrl}/admin/events/new`);
    const form = admin.getByRole('form', { name: 'New event' });
    await form.waitFor();
    await form.getByLabel('Title').fill(eventTitle);
    await form.getByLabel('Description').fill('A sale run end to end from the admin console.');
    await form.getByLabel('Category').selectOption('CONCERT');
    const option = form.getByLabel('Venue').locator(`option[value="${venueId}"]`);
    expect(await option.textContent()).toBe(`${venueName} — Ghent (132 seats)`);
    await form.getByLabel('Venue').selectOption(venueId);
    await form.getByLabel('Starts at').fill(localInput(Date.now() + 40 * DAY));
    const prices = form.locator('input[id^="price-"]');
    await expect.poll(() => prices.count(), SETTLE).toBeGreaterThanOrEqual(2);
    const tierCount = await prices.count();
    // Premium first, then Standard: each a little over the venue's defaults.
    const euros = Array.from({ length: tierCount }, (_, i) => 90 - 35 * i);
    for (let i = 0; i < tierCount; i += 1) await prices.nth(i).fill(String(euros[i]));
    await shot('3-event-form');
    await form.getByRole('button', { name: 'Create draft' }).click();

    await admin.waitForURL(/\/admin\/events\/[0-9a-f-]{36}$/);
    eventId = admin.url().split('/').at(-1)!;
    await admin.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
    expect(await admin.getByTestId('event-status').first().textContent()).toBe('Draft');
    const saved = await prisma.event.findUniqueOrThrow({
      where: { id: eventId },
      include: { prices: true },
    });
    expect(saved.venueId).toBe(venueId);
    expect(saved.prices.map((p) => p.priceCents).sort((a, b) => b - a)).toEqual(
      euros.map((e) => e * 100),
    );
    await shot('3-event-created');

    // It is listed among the drafts.
    await admin.goto(`${baseUrl}/admin/events`);
    await admin.getByRole('button', { name: 'Drafts', exact: true }).click();
    // Searched by title, so drafts left by other runs cannot page it out of view.
    await admin.getByPlaceholder('Title, venue or city').fill(eventTitle);
    await admin.getByRole('button', { name: 'Search', exact: true }).click();
    await admin.getByTestId('admin-event-row').filter({ hasText: eventTitle }).waitFor();
    await shot('3-events-list');
  });

  it('4. schedules a paced waiting-room window and sees it on the timeline', async () => {
    await admin.goto(`${baseUrl}/admin/events/${eventId}`);
    await admin.getByRole('link', { name: 'On-sale windows' }).click();
    await admin.getByRole('heading', { name: 'No on-sale windows yet' }).waitFor();
    const form = admin.getByRole('form', { name: 'Schedule a window' });
    // The form takes whole minutes and the server a start up to a minute late: this minute if
    // enough of it is left, else the next one (then the schedule step below runs at its start).
    const thisMinute = Math.floor(Date.now() / MINUTE) * MINUTE;
    windowStart = Date.now() - thisMinute < 40_000 ? thisMinute : thisMinute + MINUTE;
    await form.getByLabel('Name').fill(WINDOW);
    await form.getByLabel('Starts at').fill(localInput(windowStart));
    await form.getByLabel('Ends at').fill(localInput(windowStart + 2 * 60 * MINUTE));
    // The form's default pre-queue follows its default start (the next full hour), not ours.
    await form
      .getByLabel('Pre-queue opens at (optional)')
      .fill(localInput(windowStart - 10 * MINUTE));
    await form.getByRole('radio', { name: /Fixed pace/ }).check();
    await form.getByLabel('Fans let in per minute').fill('600');
    await form.getByLabel('Seats per fan').fill('4');
    await form.getByRole('button', { name: 'Schedule window' }).click();
    await admin.getByTestId('schedule-result').getByText(`“${WINDOW}” is scheduled.`).waitFor();

    const saved = await prisma.onSaleWindow.findFirstOrThrow({ where: { eventId } });
    expect(saved).toMatchObject({
      name: WINDOW,
      waitingRoomEnabled: true,
      admissionMode: 'PACE',
      admissionRatePerMinute: 600,
      perFanSeatLimit: 4,
      status: 'SCHEDULED',
    });
    expect(saved.startsAt.getTime()).toBe(windowStart);
    windowId = saved.id;
    const bar = admin.getByTestId('timeline-bar');
    await expect.poll(() => bar.getAttribute('data-status'), SETTLE).toBe('SCHEDULED');
    expect(await bar.innerText()).toContain(WINDOW);
    await shot('4-on-sale-window');
  });

  it('5. publishes the event from its admin page; the window opens', async () => {
    await admin.goto(`${baseUrl}/admin/events/${eventId}`);
    await admin.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: 'Publish this event?' });
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await admin.getByTestId('event-action-result').waitFor();
    await expect
      .poll(() => admin.getByTestId('event-status').first().textContent(), SETTLE)
      .toBe('Published');
    await shot('5-published');

    // The worker's schedule step at the window's start.
    const opened = await runWindowSchedule({
      ...store,
      windowIds: [windowId],
      nowMs: Math.max(Date.now(), windowStart + 1_000),
    });
    expect(opened.opened).toEqual([windowId]);
    await admin.getByRole('link', { name: 'On-sale windows' }).click();
    await expect
      .poll(
        () =>
          admin
            .getByTestId('on-sale-window')
            .filter({ hasText: WINDOW })
            .getByTestId('window-status')
            .innerText(),
        SETTLE,
      )
      .toBe('Open');
    await shot('5-window-open');
  });

  it('6. watches the live dashboard move while admitted fans hold seats', async () => {
    await admin.goto(`${baseUrl}/admin/events/${eventId}`);
    await admin.getByRole('link', { name: 'Live dashboard' }).click();
    await admin.waitForURL(`${baseUrl}/admin/events/${eventId}/dashboard`);
    await expect
      .poll(() => admin.getByTestId('dashboard-event-title').innerText(), SETTLE)
      .toBe(eventTitle);
    await admin.getByText(/Live · updated/).waitFor();
    // No hold yet: the event's seats are not loaded for sale, so no tier table.
    await admin.getByText(/Seat counts appear once the event's seats are loaded/).waitFor();
    expect(await admin.getByTestId('stat-Holds per second').innerText()).toBe('0.0/s');
    await shot('6-dashboard-before');

    for (let i = 0; i < FANS; i += 1) await fanHolds();

    await admin.getByRole('table', { name: 'Seats by price tier' }).waitFor(SETTLE);
    await expect.poll(heldOnDashboard, SETTLE).toBe(FANS * SEATS_PER_FAN);
    await expect
      .poll(() => admin.getByTestId('stat-Holds per second').innerText(), SETTLE)
      .not.toBe('0.0/s');
    expect(await admin.getByLabel('Holds per second', { exact: true }).innerText()).toContain(
      `${FANS} holds since the sale began`,
    );
    expect(await admin.getByTestId('stat-Active shoppers').innerText()).toBe(String(FANS));
    await shot('6-dashboard-live');
    expect(pages.errors).toEqual([]);
  });
});
