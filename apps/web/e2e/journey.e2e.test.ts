// The fan's first visit, in a real browser against the real API: register, sign out and in,
// search and filter the catalog, open an event and see its seat map; screenshots on the way.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findAccessibilityProblems, type AccessibilityFinding } from './accessibility.ts';
import { launchBrowser } from './browser.ts';
import {
  findArenaEvent,
  screenshot,
  searchParam,
  settledCards,
  type ArenaEvent,
} from './journey-helpers.ts';

const baseUrl = inject('baseUrl');
const runId = randomUUID().slice(0, 8);
const fan = {
  name: `Journey Fan ${runId}`,
  email: `journey-${runId}@example.test`,
  password: 'Journey-pass-2026',
};

/** How long the list may take to reflect a change (debounce + request + render on a slow box). */
const SETTLE = { timeout: 15_000, interval: 100 };

let browser: Browser;
let page: Page;
let arena: ArenaEvent;
const pageErrors: string[] = [];

const newPage = async (viewport: { width: number; height: number }) => {
  const created = await browser.newPage({
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
  });
  created.on('pageerror', (error) => pageErrors.push(error.message));
  return created;
};

const headerUser = () => page.getByTestId('signed-in-user');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage({ width: 1280, height: 900 });
  arena = await findArenaEvent(inject('databaseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

describe('a fan on Tessera', () => {
  it('lands on the event list', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/events`);
    await page.getByTestId('event-card').first().waitFor();
    await screenshot(page, 'events-desktop');
  });

  it('registers and sees their name in the header', async () => {
    await page.getByRole('link', { name: 'Create account' }).click();
    await page.getByLabel('Name').fill(fan.name);
    await page.getByLabel('Email').fill(fan.email);
    await page.getByLabel('Password').fill(fan.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/events`);
    await headerUser().getByText(fan.name).waitFor();
  });

  it('signs out, is refused a wrong password, and signs in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(fan.email);
    await page.getByLabel('Password').fill('Not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const formError = page.getByTestId('form-error');
    await formError.waitFor();
    expect((await formError.textContent())?.length).toBeGreaterThan(10);
    await screenshot(page, 'login-error');

    await page.getByLabel('Password').fill(fan.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/events`);
    await headerUser().getByText(fan.name).waitFor();
  });

  it('searches by a word of a title, then filters by category and city', async () => {
    await page.getByRole('searchbox', { name: 'Search events' }).fill(arena.searchWord);
    await page.waitForURL((url) => url.searchParams.get('q') === arena.searchWord);
    await page.getByTestId('event-card').filter({ hasText: arena.title }).waitFor();

    await page.getByLabel('Category').selectOption(arena.category);
    await page.getByLabel('City').fill(arena.city);
    await page.waitForURL((url) => url.searchParams.get('city') === arena.city);
    expect(searchParam(page, 'category')).toBe(arena.category.toLowerCase());
    expect(searchParam(page, 'q')).toBe(arena.searchWord);

    await expect.poll(() => settledCards(page), SETTLE).not.toBeNull();
    const cards = (await settledCards(page)) ?? [];
    expect(cards.map((c) => c.title)).toContain(arena.title);
    for (const card of cards) {
      expect(card.category.toUpperCase()).toBe(arena.category);
      expect(card.city).toBe(arena.city);
    }
    await screenshot(page, 'events-filtered');
  });

  it('clears the filters', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(`${baseUrl}/events`);
    await expect
      .poll(() => page.getByRole('searchbox', { name: 'Search events' }).inputValue(), SETTLE)
      .toBe('');
    await expect.poll(() => page.getByLabel('City').inputValue(), SETTLE).toBe('');
    expect(await page.getByLabel('Category').inputValue()).toBe('');
    await expect
      .poll(async () => (await settledCards(page))?.length ?? 0, SETTLE)
      .toBeGreaterThan(1);
  });

  it('opens the arena event and sees every seat on the map', async () => {
    await page.getByRole('searchbox', { name: 'Search events' }).fill(arena.searchWord);
    await page.waitForURL((url) => url.searchParams.get('q') === arena.searchWord);
    await page.getByRole('link', { name: arena.title }).click();
    await page.waitForURL(`${baseUrl}/events/${arena.id}`);
    await page.getByRole('heading', { level: 1, name: arena.title }).waitFor();
    await page.getByTestId('seat-map').waitFor();
    expect(await page.locator('[data-testid="seat-map"] circle').count()).toBe(arena.seatCount);
    await screenshot(page, 'event-page');

    await page.getByRole('link', { name: 'Back to results' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/events' && url.searchParams.get('q') === arena.searchWord,
    );
  });

  it('works on a phone-sized screen', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${baseUrl}/events`);
    await phone.getByTestId('event-card').first().waitFor();
    await screenshot(phone, 'events-phone', false);
    await phone.goto(`${baseUrl}/events/${arena.id}`);
    await phone.getByTestId('seat-map').waitFor();
    await screenshot(phone, 'event-page-phone');
    await phone.close();
  });

  it('meets WCAG 2.1 AA on every page (no serious axe findings)', async () => {
    const checked = await newPage({ width: 1280, height: 900 });
    const problems: Record<string, AccessibilityFinding[]> = {};
    const pages = [
      ['/events', () => checked.getByTestId('event-card').first().waitFor()],
      [`/events/${arena.id}`, () => checked.getByTestId('seat-map').waitFor()],
      ['/login', () => checked.getByRole('button', { name: 'Sign in' }).waitFor()],
      ['/register', () => checked.getByRole('button', { name: 'Create account' }).waitFor()],
      ['/no-such-page', () => checked.getByText('Page not found').first().waitFor()],
    ] as const;
    for (const [path, ready] of pages) {
      await checked.goto(`${baseUrl}${path}`);
      await ready();
      problems[path] = await findAccessibilityProblems(checked);
    }
    await checked.close();
    expect(problems).toEqual(Object.fromEntries(pages.map(([path]) => [path, []])));
  });

  it('raised no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
