// The venue layout designer in a real browser against the real API, as a new admin would use it:
// build a 2-section venue (straight rows and a curved row block), assign a tier to a whole row,
// remove seats by dragging a box, flag a seat accessible, create it, reopen it, edit and save it
// again; then look at it on a phone. Screenshots of each screen (test-results/admin-venue-*.png).
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createPageTracker,
  drawTwoSectionVenue,
  SETTLE,
  signInAsAdmin as signIn,
} from './admin-helpers.ts';
import { launchBrowser } from './browser.ts';
import { screenshot } from './journey-helpers.ts';

const baseUrl = inject('baseUrl');
const venueName = `Designer Hall ${randomUUID().slice(0, 6)}`;

let browser: Browser;
const pages = createPageTracker({ width: 1366, height: 1000 });
let admin: Page;
let venueUrl = '';

const newPage = (viewport?: { width: number; height: number }) => pages.open(browser, viewport);

const previewCount = (page: Page) => page.getByTestId('preview-count').textContent();

/** Page coordinates of a layout point on the preview (the SVG keeps its aspect ratio, centred). */
const toPage = async (
  page: Page,
  layout: { width: number; height: number },
  p: { x: number; y: number },
) => {
  const box = (await page.getByTestId('selection-layer').boundingBox())!;
  const scale = Math.min(box.width / layout.width, box.height / layout.height);
  const left = box.x + (box.width - layout.width * scale) / 2;
  const top = box.y + (box.height - layout.height * scale) / 2;
  return { x: left + p.x * scale, y: top + p.y * scale };
};

// The designer's new-venue defaults (features/admin-venues/designer-model.ts): 64 × 40 units,
// stage at (32, 4); the first straight section's row A starts at (25, 10), seats 1 unit apart.
const VENUE = { width: 64, height: 40 };

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newPage();
  await signIn(admin);
});

afterAll(async () => {
  await pages.closeAll();
  await browser?.close();
});

describe('venue layout designer', () => {
  it('lists venues, seeded ones view-only', async () => {
    await admin.goto(`${baseUrl}/admin/venues`);
    await admin.getByTestId('admin-venue-row').first().waitFor();
    expect(await admin.getByText('Seeded · view only').count()).toBeGreaterThan(0);
    await screenshot(admin, 'admin-venue-list');
  });

  // 11k seats: the designer's heaviest page, on a box shared with other test runs.
  it('shows a seeded arena read-only', { timeout: 120_000 }, async () => {
    await admin.getByTestId('admin-venue-row').filter({ hasText: 'Meridian Arena' }).click();
    await admin
      .getByText(/loaded by the demo seed, not drawn in the designer/)
      .waitFor({ timeout: 55_000 });
    expect(await admin.getByTestId('seat-map').getAttribute('aria-label')).toMatch(
      /11,\d{3} seats/,
    );
    await screenshot(admin, 'admin-venue-seeded');
    await admin.getByRole('link', { name: 'All venues' }).click();
    await admin.getByTestId('admin-venue-row').first().waitFor();
  });

  it('builds a 2-section venue with a curved row block and creates it', async () => {
    await admin.getByRole('link', { name: 'New venue' }).click();
    await admin.waitForURL(`${baseUrl}/admin/venues/new`);
    await admin.getByLabel('Venue name').fill(venueName);
    await admin.getByLabel('City').fill('Ghent');
    await admin.getByTestId('layout-issues').getByText('The layout has no seats yet').waitFor();
    expect(await admin.getByRole('button', { name: 'Create venue' }).isDisabled()).toBe(true);

    // Straight rows, then a curved block whose whole row A goes into tier P1.
    await drawTwoSectionVenue(admin);

    // Drag a box over seats 1–3 of the straight section's row A and remove them.
    const from = await toPage(admin, VENUE, { x: 24.5, y: 9.4 });
    const to = await toPage(admin, VENUE, { x: 27.5, y: 10.6 });
    await admin.mouse.move(from.x, from.y);
    await admin.mouse.down();
    await admin.mouse.move(to.x, to.y, { steps: 5 });
    await admin.mouse.up();
    await expect
      .poll(() => admin.getByTestId('selection-summary').textContent(), SETTLE)
      .toBe('3 seats selected');
    await screenshot(admin, 'admin-venue-selection');
    await admin.getByRole('button', { name: 'Remove seats' }).click();
    await expect.poll(() => previewCount(admin), SETTLE).toBe('129 seats in 2 section(s)');

    // Click seat 4 of that row and flag it accessible.
    const seat4 = await toPage(admin, VENUE, { x: 28, y: 10 });
    await admin.mouse.click(seat4.x, seat4.y);
    await expect
      .poll(() => admin.getByTestId('selection-summary').textContent(), SETTLE)
      .toBe('S1 row A seat 4 selected');
    await admin.getByRole('button', { name: 'Toggle accessible' }).click();
    await screenshot(admin, 'admin-venue-designer');

    await admin.getByRole('button', { name: 'Create venue' }).click();
    await admin.waitForURL(/\/admin\/venues\/[0-9a-f-]{36}$/);
    await admin.getByText('Venue created with 129 seats.').waitFor();
    venueUrl = admin.url();
  });

  it('reopens the venue with its document, then saves an edit as a new version', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto(venueUrl);
    await expect.poll(() => previewCount(page), SETTLE).toBe('129 seats in 2 section(s)');
    expect(await page.getByLabel('Venue name').inputValue()).toBe(venueName);
    await page.getByRole('button', { name: 'S2 · Circle' }).click();
    const editor = page.getByTestId('section-editor');
    expect(await editor.getByLabel('Row shape').inputValue()).toBe('curved');
    await editor.getByLabel('Select row').selectOption('A');
    expect(await page.getByTestId('selection-summary').textContent()).toBe('24 seats selected');
    await screenshot(page, 'admin-venue-reopened');

    await editor.getByLabel('Seats per row').fill('26');
    await expect.poll(() => previewCount(page), SETTLE).toBe('135 seats in 2 section(s)');
    await page.getByRole('button', { name: 'Save layout' }).click();
    await page.getByTestId('save-success').getByText('Saved as version 2: 135 seats').waitFor();
    await screenshot(page, 'admin-venue-saved');
  });

  it('shows a layout problem instead of saving it', async () => {
    const editor = admin.getByTestId('section-editor');
    await admin.goto(venueUrl);
    await expect.poll(() => previewCount(admin), SETTLE).toBe('135 seats in 2 section(s)');
    await admin.getByRole('button', { name: /^S1 · / }).click();
    await editor.getByLabel('Seat spacing').fill('0.5');
    await admin
      .getByTestId('layout-issues')
      .getByText(/pair\(s\) of seats are closer than 0.9/)
      .waitFor();
    expect(await admin.getByRole('button', { name: 'Save layout' }).isDisabled()).toBe(true);
    await screenshot(admin, 'admin-venue-issues');
  });

  it('works on a tablet', async () => {
    const tablet = await newPage({ width: 820, height: 1180 });
    await signIn(tablet);
    await tablet.goto(venueUrl);
    await expect.poll(() => previewCount(tablet), SETTLE).toBe('135 seats in 2 section(s)');
    expect(await tablet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      820,
    );
    await screenshot(tablet, 'admin-venue-tablet');
  });

  it('works on a phone', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone);
    await phone.goto(venueUrl);
    await expect.poll(() => previewCount(phone), SETTLE).toBe('135 seats in 2 section(s)');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(phone, 'admin-venue-phone');
    expect(pages.errors).toEqual([]);
  });
});
