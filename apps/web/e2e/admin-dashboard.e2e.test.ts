// The live sale dashboard in a real browser against the real API: the admin watches an event on
// sale while a script (fans over the API) makes holds and buys; the figures change on screen.
// Also the phone layout, "Run now" for the invariant check, and the empty state of an event with
// no sale running. Screenshots: test-results/admin-dashboard-*.png.
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { createPrismaClient } from '@tessera/db/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPageTracker, SETTLE, signInAsAdmin } from './admin-helpers.ts';
import { launchBrowser } from './browser.ts';
import { screenshot } from './journey-helpers.ts';
import { findOpenSaleEvent, newFan, type SaleEvent } from './sale-helpers.ts';
import { call as trpcCall } from './trpc-call.ts';

const baseUrl = inject('baseUrl');
const CARD = {
  cardNumber: '4242 4242 4242 4242',
  expMonth: 12,
  expYear: 2031,
  cvc: '123',
  name: 'Ada Buyer',
};

let browser: Browser;
const pages = createPageTracker();
let sale: SaleEvent;
/** The signed-in admin's browser context (each test opens its own page in it). */
let adminContext: BrowserContext;

const newPage = () => pages.open(browser);

const call = <T>(request: APIRequestContext, path: string, input: unknown) =>
  trpcCall<T>(request, baseUrl, path, input);

/** The script: a fan registers, holds one best-available seat and pays for it. */
const holdAndBuy = async () => {
  const fanPage = await newPage();
  const request = fanPage.context().request;
  await call(request, 'auth.register', newFan('Dashfan'));
  const hold = await call<{ id: string }>(request, 'holds.create', {
    eventId: sale.id,
    quantity: 1,
  });
  await call(request, 'checkout.pay', {
    holdId: hold.id,
    paymentMethod: CARD,
    idempotencyKey: randomUUID(),
  });
};

const statText = (page: Page, label: string) => page.getByTestId(`stat-${label}`).innerText();

/**
 * An event with no on-sale window open, paused or coming up: a scheduled window is on the
 * dashboard too (its waiting room is mirrored ahead of the sale), so it would not be idle. The
 * oldest such event is a seeded one, never one another e2e file just made.
 */
const findIdleEvent = async (): Promise<string> => {
  const prisma = createPrismaClient({ databaseUrl: inject('databaseUrl'), poolSize: 1 });
  try {
    const event = await prisma.event.findFirstOrThrow({
      where: { onSales: { none: { status: { in: ['OPEN', 'PAUSED', 'SCHEDULED'] } } } },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    return event.id;
  } finally {
    await prisma.$disconnect();
  }
};

beforeAll(async () => {
  browser = await launchBrowser();
  sale = await findOpenSaleEvent(inject('databaseUrl'));
  const first = await newPage();
  await signInAsAdmin(first);
  adminContext = first.context();
});

const adminPage = async (viewport = { width: 1280, height: 900 }) => {
  const page = await adminContext.newPage();
  await page.setViewportSize(viewport);
  return pages.watch(page);
};

afterAll(async () => {
  await pages.closeAll();
  await browser?.close();
});

describe('live sale dashboard', () => {
  it('shows the figures of an event on sale and follows holds and sales as they happen', async () => {
    const admin = await adminPage();
    await admin.goto(`${baseUrl}/admin/events/${sale.id}/dashboard`);
    await expect
      .poll(() => admin.getByTestId('dashboard-event-title').innerText(), SETTLE)
      .toBe(sale.title);
    await admin.getByText(/Live · updated/).waitFor();
    const revenueBefore = await statText(admin, 'Revenue');
    const holdsHintBefore = await admin.getByLabel('Holds per second', { exact: true }).innerText();

    for (let i = 0; i < 3; i += 1) await holdAndBuy();

    await expect.poll(() => statText(admin, 'Holds per second'), SETTLE).not.toBe('0.0/s');
    await expect.poll(() => statText(admin, 'Revenue'), SETTLE).not.toBe(revenueBefore);
    await expect
      .poll(() => admin.getByLabel('Holds per second', { exact: true }).innerText(), SETTLE)
      .not.toBe(holdsHintBefore);
    expect(await admin.getByRole('table', { name: 'Seats by price tier' }).isVisible()).toBe(true);
    // Let the charts draw a few seconds of history before the picture.
    await admin.waitForTimeout(3_000);
    await screenshot(admin, 'admin-dashboard-live');

    await admin.getByRole('button', { name: 'Run now' }).click();
    await expect
      .poll(() => admin.getByTestId('invariants-result').innerText(), SETTLE)
      .toMatch(/All invariants hold|invariant\(s\) broken/);
    await screenshot(admin, 'admin-dashboard-invariants', false);
  });

  it('stacks the cards on a phone', async () => {
    const phone = await adminPage({ width: 390, height: 844 });
    await phone.goto(`${baseUrl}/admin/events/${sale.id}/dashboard`);
    await phone.getByText(/Live · updated/).waitFor();
    const revenue = await phone.getByLabel('Revenue', { exact: true }).boundingBox();
    const holds = await phone.getByLabel('Holds per second', { exact: true }).boundingBox();
    expect(revenue && holds && revenue.x === holds.x && revenue.y > holds.y).toBe(true);
    const scrollWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(phone, 'admin-dashboard-phone');
  });

  it('says so when no sale is running', async () => {
    const admin = await adminPage();
    await admin.goto(`${baseUrl}/admin/events/${await findIdleEvent()}/dashboard`);
    await admin.getByRole('heading', { name: 'No sale is running' }).waitFor();
    await screenshot(admin, 'admin-dashboard-idle');
    expect(pages.errors).toEqual([]);
  });
});
