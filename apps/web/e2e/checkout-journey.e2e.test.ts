// Buying tickets in a real browser against the real API: pick seats on the live map, hold them,
// pay with a test card, get tickets with QR codes; another fan then sees the seats sold, and two
// fans racing for one seat are told who lost. Screenshots on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findAccessibilityProblems, type AccessibilityFinding } from './accessibility.ts';
import { launchBrowser } from './browser.ts';
import { screenshot } from './journey-helpers.ts';
import {
  findOpenSaleEvent,
  freeRow,
  newFan,
  register,
  seat,
  seatStates,
  waitForLiveMap,
  type SaleEvent,
} from './sale-helpers.ts';

const baseUrl = inject('baseUrl');
const SETTLE = { timeout: 20_000, interval: 200 };

let browser: Browser;
let sale: SaleEvent;
const contexts: BrowserContext[] = [];
const usedRows = new Set<number[]>();
const pageErrors: string[] = [];
let fanPage: Page;
let boughtSeats: number[] = [];
const accessibility: Record<string, AccessibilityFinding[]> = {};

const newPage = async (viewport = { width: 1280, height: 900 }) => {
  const context = await browser.newContext({
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
};

const openSale = async (page: Page) => {
  await page.goto(`${baseUrl}/events/${sale.id}`);
  await page.getByRole('heading', { level: 1, name: sale.title }).waitFor();
  await waitForLiveMap(page);
};

beforeAll(async () => {
  browser = await launchBrowser();
  sale = await findOpenSaleEvent(inject('databaseUrl'));
  fanPage = await newPage();
  await register(fanPage, baseUrl, newFan('Buyer'));
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('buying tickets', () => {
  it('selects two seats on the live map and holds them', async () => {
    await openSale(fanPage);
    const row = await freeRow(fanPage, sale.rows, usedRows);
    boughtSeats = row.slice(0, 2);
    for (const id of boughtSeats) await seat(fanPage, id).click();
    const panel = fanPage.getByTestId('selection-panel');
    await panel.waitFor();
    expect(await panel.getByRole('listitem').count()).toBe(2);
    expect(await seat(fanPage, boughtSeats[0] as number).getAttribute('data-status')).toBe('x');
    await screenshot(fanPage, 'seat-selection');

    await fanPage.getByRole('button', { name: 'Hold these seats' }).click();
    const hold = fanPage.getByTestId('hold-panel');
    await hold.waitFor();
    expect(await hold.getByRole('timer').textContent()).toMatch(/^\d\d:\d\d$/);
    await expect
      .poll(() => Promise.all(boughtSeats.map((id) => seatStatesOf(id))), SETTLE)
      .toEqual(['m', 'm']);
    await screenshot(fanPage, 'hold-countdown');

    // The hold survives a reload (holds.mine), countdown and all.
    await fanPage.reload();
    await fanPage.getByTestId('hold-panel').getByRole('timer').waitFor();
  });

  it('pays with the success card and lands on the confirmation with two QR tickets', async () => {
    await fanPage.getByRole('link', { name: 'Continue to checkout' }).click();
    await fanPage.waitForURL(/\/checkout\/[0-9a-f-]{36}$/);
    await fanPage.getByTestId('test-cards').waitFor();
    await fanPage.getByTestId('hold-countdown').waitFor();
    await screenshot(fanPage, 'checkout-test-cards');
    accessibility.checkout = await findAccessibilityProblems(fanPage);

    await fanPage.getByRole('button', { name: /Use this card, 4242 .*succeeds/ }).click();
    await fanPage.getByRole('button', { name: /^Pay / }).click();
    await fanPage.waitForURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await fanPage.getByRole('heading', { level: 1, name: 'You’re going!' }).waitFor();
    expect(await fanPage.getByTestId('ticket').count()).toBe(2);
    const qrWidths = await fanPage
      .getByTestId('ticket-qr')
      .evaluateAll((images) => images.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(qrWidths).toHaveLength(2);
    expect(qrWidths.every((width) => width > 0)).toBe(true);
    await screenshot(fanPage, 'confirmation');
    accessibility.confirmation = await findAccessibilityProblems(fanPage);
  });

  it('lists the order under My tickets', async () => {
    await fanPage.getByRole('link', { name: 'My tickets' }).first().click();
    await fanPage.waitForURL(`${baseUrl}/tickets`);
    const order = fanPage.getByTestId('order-row').filter({ hasText: sale.title });
    await order.waitFor();
    expect(await order.getByTestId('order-ticket-count').textContent()).toBe('2 tickets');
    await screenshot(fanPage, 'my-tickets');
    accessibility.tickets = await findAccessibilityProblems(fanPage);
  });

  it('explains a checkout or an order that does not exist', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await fanPage.goto(`${baseUrl}/checkout/${unknown}`);
    await fanPage.getByRole('heading', { name: 'This hold is no longer active' }).waitFor();
    await fanPage.goto(`${baseUrl}/orders/${unknown}`);
    await fanPage.getByRole('heading', { name: 'We could not find this order' }).waitFor();
  });

  it('shows the bought seats as sold to another fan', async () => {
    const other = await newPage();
    await register(other, baseUrl, newFan('Onlooker'));
    await openSale(other);
    const states = await seatStates(other);
    expect(boughtSeats.map((id) => states[String(id)])).toEqual(['s', 's']);
  });
});

// Reads one seat's state on the buyer's page (used while the map refreshes).
const seatStatesOf = (id: number) => seat(fanPage, id).getAttribute('data-status');

describe('two fans racing for the same seats', () => {
  it('holds them for one and explains to the other that they were just taken', async () => {
    const [first, second] = [await newPage(), await newPage()];
    await register(first, baseUrl, newFan('Racer One'));
    await register(second, baseUrl, newFan('Racer Two'));
    await Promise.all([openSale(first), openSale(second)]);
    const contested = (await freeRow(first, sale.rows, usedRows)).slice(0, 2);
    for (const page of [first, second]) for (const id of contested) await seat(page, id).click();

    await Promise.all(
      [first, second].map((page) => page.getByRole('button', { name: 'Hold these seats' }).click()),
    );
    const outcome = async (page: Page) =>
      (await page.getByTestId('hold-panel').count()) > 0
        ? 'held'
        : ((await page.getByTestId('hold-notice').textContent()) ?? '').includes(
              'just taken by someone else',
            )
          ? 'taken'
          : 'waiting';
    await expect
      .poll(async () => (await Promise.all([outcome(first), outcome(second)])).sort(), SETTLE)
      .toEqual(['held', 'taken']);
    const loser = (await outcome(first)) === 'taken' ? first : second;
    expect(await loser.getByTestId('hold-notice').textContent()).toMatch(
      /^(Seats?|Row) .+ in .+ (was|were) just taken by someone else\./,
    );
    expect(await loser.getByTestId('selection-panel').count()).toBe(0);
    await screenshot(loser, 'conflict-message');
    accessibility.conflict = await findAccessibilityProblems(loser);

    // The winner lets the seats go; the loser's map shows them free again.
    const winner = loser === first ? second : first;
    await winner.getByRole('button', { name: 'Release' }).click();
    await winner.getByTestId('hold-panel').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await seatStates(loser))[String(contested[0])], SETTLE)
      .toBe('a');
  });
});

describe('a visitor using the keyboard', () => {
  it('selects seats with arrows, Enter and Space, and is sent to sign in to hold them', async () => {
    const visitor = await newPage();
    await openSale(visitor);
    const map = visitor.getByTestId('seat-map');
    await map.focus();
    await visitor.keyboard.press('ArrowRight');
    await visitor.getByTestId('active-seat-ring').waitFor();
    const row = await freeRow(visitor, sale.rows, usedRows);
    // A tap puts the cursor on the row's first seat (and selects it); the keyboard does the rest.
    await seat(visitor, row[0] as number).click();
    await map.focus();
    await visitor.keyboard.press('ArrowRight');
    await visitor.keyboard.press('Enter');
    await expect
      .poll(() => seat(visitor, row[1] as number).getAttribute('data-status'), SETTLE)
      .toBe('x');
    await visitor.keyboard.press(' ');
    await expect
      .poll(() => seat(visitor, row[1] as number).getAttribute('data-status'), SETTLE)
      .toBe('a');
    await visitor.keyboard.press('Enter');
    expect(await visitor.getByTestId('selection-panel').getByRole('listitem').count()).toBe(2);
    await visitor.getByRole('button', { name: 'Sign in to hold these seats' }).click();
    await visitor.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('next') === `/events/${sale.id}`,
    );
    // The selection waits for the fan's return.
    await visitor.goBack();
    await visitor.getByTestId('selection-panel').waitFor();
    expect(await visitor.getByTestId('selection-panel').getByRole('listitem').count()).toBe(2);
  });
});

describe('on a phone', () => {
  it('holds the best available seat and is declined, then sees the checkout', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await register(phone, baseUrl, newFan('Phone Fan'));
    await phone.goto(`${baseUrl}/tickets`);
    await phone.getByRole('heading', { name: 'No tickets yet' }).waitFor();
    await openSale(phone);
    await screenshot(phone, 'seat-picker-phone');
    await phone.getByLabel('Seats', { exact: true }).selectOption('1');
    await phone.getByRole('button', { name: 'Find best seats' }).click();
    await phone.getByTestId('hold-panel').waitFor();
    await phone.getByRole('link', { name: 'Continue to checkout' }).click();
    await phone.waitForURL(/\/checkout\//);
    // Mistakes are explained beside their fields before anything is sent.
    await phone.getByLabel('Card number').fill('4242 4242 4242 4241');
    await phone.getByRole('button', { name: /^Pay / }).click();
    await phone.getByText('This card number is not valid; check for typos.').waitFor();
    await phone.getByText('Enter the 3 or 4 digit security code.').waitFor();
    await phone.getByRole('button', { name: /Use this card, 4000 0000 0000 0002/ }).click();
    await phone.getByRole('button', { name: /^Pay / }).click();
    await phone.locator('[data-status="DECLINED"]').waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId('payment-outcome').textContent()).toContain('declined');
    await screenshot(phone, 'checkout-phone');

    // The late card settles after the hold lapsed: the fan is told it was refunded.
    await phone.getByRole('button', { name: /Use this card, 4000 0000 0000 9995/ }).click();
    await phone.getByRole('button', { name: /^Pay / }).click();
    const refunded = phone.locator('[data-status="REFUNDED"]');
    await refunded.waitFor({ timeout: 20_000 });
    expect(await refunded.textContent()).toContain('refunded');
    await refunded.getByRole('link', { name: 'Back to the event' }).waitFor();
    await screenshot(phone, 'checkout-refunded-phone');
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });

  it('meets WCAG 2.1 AA on the buying pages (no serious axe findings)', () => {
    expect(accessibility).toEqual({ checkout: [], confirmation: [], tickets: [], conflict: [] });
  });
});
