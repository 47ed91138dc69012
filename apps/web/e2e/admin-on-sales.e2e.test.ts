// On-sale scheduling in a real browser against the real API: an admin opens a fresh event's
// on-sale page, gets a field error from the server for a window ending after the event, schedules
// a paced waiting-room window, sees it on the timeline, and pauses, resumes and ends it once the
// worker's schedule step (driven from here) has opened it. Screenshots: test-results/admin-on-sales-*.png.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import { createPageTracker, openE2eStores, SETTLE, signInAsAdmin } from './admin-helpers.ts';
import { launchBrowser } from './browser.ts';
import { screenshot } from './journey-helpers.ts';

const baseUrl = inject('baseUrl');
const stores = openE2eStores();
const { prisma, store } = stores;
const MINUTE = 60_000;
const DAY = 86_400_000;

let browser: Browser;
const pages = createPageTracker();
let event: { id: string; title: string; startsAt: number };

/** The browsers run in UTC, so a datetime-local value is the UTC ISO time to the minute. */
const localInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);

const newPage = (viewport?: { width: number; height: number }) => pages.open(browser, viewport);

/** A fresh published event, a week away, with no on-sale window. */
const createEvent = async () => {
  const template = await prisma.event.findFirstOrThrow({
    where: { status: 'PUBLISHED', prices: { some: {} } },
    orderBy: { capacity: 'asc' },
    include: { prices: true },
  });
  const startsAt = Math.floor((Date.now() + 7 * DAY) / MINUTE) * MINUTE;
  const created = await prisma.event.create({
    data: {
      title: `Window Night ${randomUUID().slice(0, 6)}`,
      description: 'On-sale scheduling in the browser.',
      category: template.category,
      city: template.city,
      venueId: template.venueId,
      capacity: template.capacity,
      startsAt: new Date(startsAt),
      status: 'PUBLISHED',
      prices: {
        create: template.prices.map(({ priceTierId, priceCents, currency }) => ({
          priceTierId,
          priceCents,
          currency,
        })),
      },
    },
  });
  return { id: created.id, title: created.title, startsAt };
};

const windowCard = (page: Page, name: string) =>
  page.getByTestId('on-sale-window').filter({ hasText: name });

/** Clicks a window's control, confirms it in the dialog and waits for the new status. */
const control = async (
  page: Page,
  name: string,
  { action, status, done }: { action: string; status: string; done: string },
) => {
  await windowCard(page, name).getByRole('button', { name: action }).click();
  await page.getByRole('dialog').getByRole('button', { name: action }).click();
  await expect
    .poll(() => windowCard(page, name).getByTestId('window-status').innerText(), SETTLE)
    .toBe(status);
  await expect
    .poll(() => windowCard(page, name).getByTestId('window-action-result').innerText(), SETTLE)
    .toBe(`“${name}” is ${done}.`);
};

beforeAll(async () => {
  browser = await launchBrowser();
  event = await createEvent();
});

afterAll(async () => {
  await pages.closeAll();
  await browser?.close();
  await stores.close();
});

describe('on-sale scheduling', () => {
  it('schedules a paced waiting-room window, shows it on the timeline, pauses, resumes and ends it', async () => {
    const admin = await newPage();
    await signInAsAdmin(admin);
    await admin.goto(`${baseUrl}/admin/events/${event.id}`);
    await admin.getByRole('link', { name: 'On-sale windows' }).click();
    await admin.getByRole('heading', { name: 'No on-sale windows yet' }).waitFor();
    expect(await admin.getByTestId('on-sales-event-title').innerText()).toBe(event.title);
    await admin.getByText('Times are in your browser’s time zone (UTC).').waitFor();

    // Only the server knows the event's start: its field error lands beside "Ends at".
    const form = admin.getByRole('form', { name: 'Schedule a window' });
    const start = Math.ceil((Date.now() + 5 * MINUTE) / MINUTE) * MINUTE;
    await form.getByLabel('Name').fill('General sale');
    await form.getByLabel('Starts at').fill(localInput(start));
    await form.getByLabel('Ends at').fill(localInput(event.startsAt + DAY));
    await form.getByLabel('Pre-queue opens at (optional)').fill(localInput(start - 2 * MINUTE));
    await form.getByRole('button', { name: 'Schedule window' }).click();
    await form.getByText('The sale must end by the time the event starts.').waitFor();
    expect(await form.getByLabel('Ends at').getAttribute('aria-invalid')).toBe('true');
    await screenshot(admin, 'admin-on-sales-field-error');

    await form.getByLabel('Ends at').fill(localInput(start + 2 * 60 * MINUTE));
    await form.getByRole('radio', { name: /Fixed pace/ }).check();
    await form.getByLabel('Fans let in per minute').fill('120');
    await form.getByLabel('Seats per fan').fill('4');
    await form.getByRole('button', { name: 'Schedule window' }).click();
    await admin.getByTestId('schedule-result').getByText('“General sale” is scheduled.').waitFor();

    const saved = await prisma.onSaleWindow.findFirstOrThrow({ where: { eventId: event.id } });
    expect(saved).toMatchObject({
      name: 'General sale',
      waitingRoomEnabled: true,
      admissionMode: 'PACE',
      admissionRatePerMinute: 120,
      perFanSeatLimit: 4,
      shopperSessionSeconds: 600,
      status: 'SCHEDULED',
    });
    expect(saved.startsAt.getTime()).toBe(start);
    expect(saved.preQueueOpensAt?.getTime()).toBe(start - 2 * MINUTE);

    const bar = admin.getByTestId('timeline-bar');
    await expect.poll(() => bar.getAttribute('data-status'), SETTLE).toBe('SCHEDULED');
    expect(await bar.innerText()).toContain('General sale');
    expect(await bar.getByTitle('Pre-queue open').count()).toBe(1);
    expect(await admin.getByTestId('timeline-now').count()).toBe(1);
    expect(await windowCard(admin, 'General sale').innerText()).toContain('120 fans/min');
    await screenshot(admin, 'admin-on-sales-scheduled');

    // The worker's schedule step opens the window at its start.
    const opened = await runWindowSchedule({
      ...store,
      windowIds: [saved.id],
      nowMs: start + 1_000,
    });
    expect(opened.opened).toEqual([saved.id]);
    await admin.reload();
    await expect
      .poll(
        () => windowCard(admin, 'General sale').getByTestId('window-status').innerText(),
        SETTLE,
      )
      .toBe('Open');

    await control(admin, 'General sale', { action: 'Pause', status: 'Paused', done: 'paused' });
    expect(await bar.getAttribute('data-status')).toBe('PAUSED');
    await screenshot(admin, 'admin-on-sales-paused');
    await control(admin, 'General sale', { action: 'Resume', status: 'Open', done: 'resumed' });
    // Once started, only what the server allows can be edited: the start is greyed out.
    await windowCard(admin, 'General sale').getByRole('button', { name: 'Edit' }).click();
    const edit = admin.getByRole('form', { name: 'Edit General sale' });
    expect(await edit.getByLabel('Starts at').isDisabled()).toBe(true);
    await edit.getByLabel('Fans let in per minute').fill('200');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => windowCard(admin, 'General sale').innerText(), SETTLE)
      .toContain('200 fans/min');
    const edited = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: saved.id } });
    expect(edited.admissionRatePerMinute).toBe(200);
    expect(edited.startsAt.getTime()).toBe(start);

    await control(admin, 'General sale', { action: 'End now', status: 'Ended', done: 'ended' });
    expect(await bar.getAttribute('data-status')).toBe('ENDED');
    const ended = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: saved.id } });
    expect(ended.status).toBe('ENDED');
    await screenshot(admin, 'admin-on-sales-ended');
  });

  it('fits a phone', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await signInAsAdmin(phone);
    await phone.goto(`${baseUrl}/admin/events/${event.id}/on-sales`);
    await phone.getByTestId('on-sale-timeline').waitFor();
    await phone.getByRole('button', { name: 'Schedule a window' }).click();
    await phone.getByRole('form', { name: 'Schedule a window' }).waitFor();
    const scrollWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(phone, 'admin-on-sales-phone');
    expect(pages.errors).toEqual([]);
  });
});
