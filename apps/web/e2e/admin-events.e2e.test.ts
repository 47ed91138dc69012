// The admin console in a real browser against the real API: sign in as the demo admin, create an
// event (errors shown beside the fields first), publish it, find a fan's order and refund it —
// the seats go back on sale. Fans never see the console. Screenshots of each screen.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { screenshot } from './journey-helpers.ts';
import { findOpenSaleEvent, newFan, type SaleEvent } from './sale-helpers.ts';
import { call as trpcCall } from './trpc-call.ts';

const baseUrl = inject('baseUrl');
const SETTLE = { timeout: 20_000, interval: 200 };
const ADMIN = { email: 'admin@tessera.dev', password: 'Admin-pass-2026' };
const CARD = {
  cardNumber: '4242 4242 4242 4242',
  expMonth: 12,
  expYear: 2031,
  cvc: '123',
  name: 'Ada Buyer',
};

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let admin: Page;
let sale: SaleEvent;
const fan = newFan('Refundee');
let order: { id: string; seatIds: number[] };
let createdEventId = '';
const eventTitle = `Spring Strings ${randomUUID().slice(0, 6)}`;

const newPage = async (viewport = { width: 1280, height: 900 }) => {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
};

/** A tRPC call over HTTP with the context's cookies (as the web app makes it). */
const call = <T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  kind: 'query' | 'mutation' = 'mutation',
) => trpcCall<T>(request, baseUrl, path, input, kind);

/** A fan who buys two seats of the open sale through the API, as the checkout would. */
const buyAsFan = async (request: APIRequestContext) => {
  await call(request, 'auth.register', fan);
  const hold = await call<{ id: string; seats: Array<{ seatId: number }> }>(
    request,
    'holds.create',
    { eventId: sale.id, quantity: 2 },
  );
  const paid = await call<{ orderId: string | null; status: string }>(request, 'checkout.pay', {
    holdId: hold.id,
    paymentMethod: CARD,
    idempotencyKey: randomUUID(),
  });
  if (!paid.orderId) throw new Error(`payment not confirmed: ${paid.status}`);
  return { id: paid.orderId, seatIds: hold.seats.map((s) => s.seatId) };
};

const seatStatuses = async (request: APIRequestContext, seatIds: number[]) => {
  const snapshot = await call<{ seatIds: number[]; statuses: string }>(
    request,
    'seats.snapshot',
    { eventId: sale.id },
    'query',
  );
  return seatIds.map((id) => snapshot.statuses[snapshot.seatIds.indexOf(id)]);
};

beforeAll(async () => {
  browser = await launchBrowser();
  sale = await findOpenSaleEvent(inject('databaseUrl'));
  const fanPage = await newPage();
  order = await buyAsFan(fanPage.context().request);
  admin = await newPage();
  await admin.goto(`${baseUrl}/login`);
  await admin.getByLabel('Email').fill(ADMIN.email);
  await admin.getByLabel('Password').fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByTestId('signed-in-user').waitFor();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('admin console', () => {
  it('lists events by status from the header link', async () => {
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin', exact: true })
      .click();
    await admin.waitForURL(`${baseUrl}/admin/events`);
    await admin.getByTestId('admin-event-row').first().waitFor();
    await admin.getByRole('button', { name: 'Published' }).click();
    await expect
      .poll(
        async () =>
          new Set(await admin.getByTestId('event-status').allTextContents()).size === 1 &&
          (await admin.getByTestId('event-status').first().textContent()),
        SETTLE,
      )
      .toBe('Published');
    await screenshot(admin, 'admin-events');
  });

  it('creates an event, showing errors beside the fields first', async () => {
    await admin.getByRole('link', { name: 'New event' }).click();
    const form = admin.getByRole('form', { name: 'New event' });
    await form.waitFor();
    await form.getByLabel('Title').fill('X');
    await form.getByRole('button', { name: 'Create draft' }).click();
    await form.getByText('Give the event a title of at least 3 characters.').waitFor();
    await form.getByText('Choose a venue.').waitFor();
    await form.getByText('Enter a start time.').waitFor();
    expect(await form.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await screenshot(admin, 'admin-event-form-errors');

    await form.getByLabel('Title').fill(eventTitle);
    await form.getByLabel('Description').fill('A night of strings, created in the admin console.');
    await form.getByLabel('Category').selectOption('CONCERT');
    const venueSelect = form.getByLabel('Venue');
    const firstVenue = await venueSelect.locator('option').nth(1).getAttribute('value');
    await venueSelect.selectOption(firstVenue!);
    const startsAt = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 16);
    await form.getByLabel('Starts at').fill(startsAt);
    const firstPrice = form.locator('input[id^="price-"]').first();
    await firstPrice.fill('12.345');
    await form.getByRole('button', { name: 'Create draft' }).click();
    await form.getByText('Enter an amount like 45 or 45.50.').waitFor();
    await firstPrice.fill('89.50');
    await form.getByRole('button', { name: 'Create draft' }).click();

    await admin.waitForURL(/\/admin\/events\/[0-9a-f-]{36}$/);
    createdEventId = admin.url().split('/').at(-1)!;
    await admin.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
    expect(await admin.getByTestId('event-status').first().textContent()).toBe('Draft');
    expect(
      await admin.getByRole('form', { name: 'Edit event' }).getByLabel('Title').inputValue(),
    ).toBe(eventTitle);
  });

  it('publishes it after a confirmation, and fans can open it', async () => {
    await admin.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: 'Publish this event?' });
    await dialog.waitFor();
    await screenshot(admin, 'admin-event-publish-dialog', false);
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await admin.getByTestId('event-action-result').waitFor();
    await expect
      .poll(() => admin.getByTestId('event-status').first().textContent(), SETTLE)
      .toBe('Published');
    await screenshot(admin, 'admin-event-published');

    const visitor = await newPage();
    await visitor.goto(`${baseUrl}/events/${createdEventId}`);
    await visitor.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
  });

  it("finds a fan's order by email and refunds it; the seats are back on sale", async () => {
    expect(await seatStatuses(admin.context().request, order.seatIds)).toEqual(['s', 's']);
    await admin
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: 'Orders' })
      .click();
    await admin.getByLabel('Search orders').fill(fan.email);
    await admin.getByRole('button', { name: 'Search' }).click();
    const row = admin.getByTestId('admin-order-row');
    await expect.poll(() => row.count(), SETTLE).toBe(1);
    await screenshot(admin, 'admin-orders');
    await row.click();
    await admin.waitForURL(`${baseUrl}/admin/orders/${order.id}`);
    await admin.getByRole('button', { name: 'Refund order' }).waitFor();
    await screenshot(admin, 'admin-order');

    await admin.getByRole('button', { name: 'Refund order' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Refund this order?' });
    await dialog.getByRole('button', { name: 'Refund' }).click();
    await admin.getByText('2 seats are back on sale.', { exact: false }).waitFor();
    expect(await admin.getByTestId('admin-order-status').textContent()).toBe('Refunded');
    expect(await admin.getByTestId('order-refunds').getByRole('listitem').count()).toBe(1);
    await screenshot(admin, 'admin-order-refunded');
    expect(await seatStatuses(admin.context().request, order.seatIds)).toEqual(['a', 'a']);
  });

  it('works on a phone', async () => {
    // The admin's session, on a phone-sized screen.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
      timezoneId: 'UTC',
      storageState: await admin.context().storageState(),
    });
    contexts.push(context);
    const phone = await context.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    await phone.goto(`${baseUrl}/admin/events/${createdEventId}`);
    await phone.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'admin-event-phone');
    await phone.goto(`${baseUrl}/admin/orders/${order.id}`);
    await phone.getByTestId('admin-order-status').waitFor();
    await screenshot(phone, 'admin-order-phone');
  });

  it('cancels the new event after a warning, and says what was refunded', async () => {
    await admin.goto(`${baseUrl}/admin/events/${createdEventId}`);
    await admin.getByRole('button', { name: 'Cancel event' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Cancel this event?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This cannot be undone.');
    await screenshot(admin, 'admin-event-cancel-dialog', false);
    await dialog.getByRole('button', { name: 'Cancel event and refund' }).click();
    const result = admin.getByTestId('event-action-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('0 orders refunded');
    await expect
      .poll(() => admin.getByTestId('event-status').first().textContent(), SETTLE)
      .toBe('Cancelled');
    await screenshot(admin, 'admin-event-cancelled');
  });

  it('is not for fans: no header link, a "not allowed" page', async () => {
    const fanPage = await newPage();
    await call(fanPage.context().request, 'auth.login', {
      email: fan.email,
      password: fan.password,
    });
    await fanPage.goto(`${baseUrl}/admin`);
    await fanPage.getByRole('heading', { name: 'This page is for administrators' }).waitFor();
    expect(
      await fanPage
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Admin', exact: true })
        .count(),
    ).toBe(0);
    await screenshot(fanPage, 'admin-not-allowed');
    expect(pageErrors).toEqual([]);
  });
});
