// The live seat map in real browsers against the real API: two fans on the same sale, a hold by
// one appears on the other's map within about a second (SSE deltas, no polling), seats-left per
// tier follow, the map survives a dropped connection, and pan/zoom, hover details and a phone
// viewport look right. Screenshots: test-results/seat-map-*.png.
import { createServer, connect, type Socket } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { RESULTS_DIR } from './e2e-env.ts';
import {
  findOpenSaleEvent,
  freeRow,
  newFan,
  register,
  seat,
  waitForLiveMap,
  type SaleEvent,
} from './sale-helpers.ts';

const baseUrl = inject('baseUrl');
/** "Within a second": the server coalesces for 75 ms; the rest is SSE and one React render. */
const LIVE = { timeout: 1_500 };
const SETTLE = { timeout: 20_000, interval: 200 };

let browser: Browser;
let sale: SaleEvent;
const contexts: BrowserContext[] = [];
const usedRows = new Set<number[]>();
const pageErrors: string[] = [];
let fanA: Page;
let fanB: Page;

const newPage = async (viewport = { width: 1280, height: 900 }) => {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
};

const openSale = async (page: Page) => {
  await page.goto(`${baseUrl}/events/${sale.id}`);
  // Generous: on a loaded CI box a cold page with a 1,300-seat map can take a while to appear.
  await page.getByRole('heading', { level: 1, name: sale.title }).waitFor({ timeout: 45_000 });
  await waitForLiveMap(page);
  await page.locator('[data-testid="seat-map-connection"][data-state="live"]').waitFor();
};

/** Waits (in the page, no polling from here) until every seat has the given drawn state. */
const waitForSeats = (page: Page, seatIds: number[], state: string, timeout = LIVE.timeout) =>
  page.waitForFunction(
    ({ ids, want }) =>
      ids.every(
        (id) =>
          document.querySelector(`[data-seat-id="${id}"]`)?.getAttribute('data-status') === want,
      ),
    { ids: seatIds, want: state },
    { timeout },
  );

/** Seats left in every tier, summed, as the legend above the map shows them. */
const seatsLeft = (page: Page) =>
  page
    .getByTestId('tier-available')
    .evaluateAll((items) =>
      items.reduce((sum, item) => sum + Number(item.getAttribute('data-available')), 0),
    );

const mapScreenshot = (page: Page, name: string) =>
  page.getByTestId('seat-picker').screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });

/**
 * A TCP proxy in front of the API that can drop every connection and refuse new ones (a network
 * outage as the browser sees it), then let them through again.
 */
const startCuttableProxy = async (target: URL) => {
  const sockets = new Set<Socket>();
  let refusing = false;
  const server = createServer((client) => {
    if (refusing) return client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The proxy has no port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      refusing = true;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => {
      refusing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};

beforeAll(async () => {
  browser = await launchBrowser();
  sale = await findOpenSaleEvent(inject('databaseUrl'));
  [fanA, fanB] = [await newPage(), await newPage()];
  await Promise.all([
    register(fanA, baseUrl, newFan('Live Fan A')),
    register(fanB, baseUrl, newFan('Live Fan B')),
  ]);
  await Promise.all([openSale(fanA), openSale(fanB)]);
  // Two registrations and two cold seat maps: slow on a box shared with other test runs.
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('two fans on the same live seat map', () => {
  it('shows a hold made by one fan on the other fan’s map within a second', async () => {
    await mapScreenshot(fanB, 'seat-map-rest');
    const seats = (await freeRow(fanA, sale.rows, usedRows)).slice(0, 2);
    await waitForSeats(fanB, seats, 'a');
    const leftBefore = await seatsLeft(fanB);

    for (const id of seats) await seat(fanA, id).click();
    await fanA.getByRole('button', { name: 'Hold these seats' }).click();
    await fanA.getByTestId('hold-panel').waitFor();

    await waitForSeats(fanB, seats, 'h');
    await waitForSeats(fanA, seats, 'm', SETTLE.timeout);
    await expect.poll(() => seatsLeft(fanB), LIVE).toBe(leftBefore - 2);
    await mapScreenshot(fanB, 'seat-map-after-hold');

    // Released: free again on the other map, and back in the count.
    await fanA.getByRole('button', { name: 'Release' }).click();
    await waitForSeats(fanB, seats, 'a');
    await expect.poll(() => seatsLeft(fanB), LIVE).toBe(leftBefore);
  });

  it('updates seats left on the event list live when another fan holds seats', async () => {
    const lister = await newPage();
    await lister.goto(`${baseUrl}/events?q=${encodeURIComponent(sale.title)}`);
    const card = lister.getByTestId('event-card').filter({ hasText: sale.title });
    const left = card.locator('[data-testid="event-seats-left"][data-live="true"]');
    await left.waitFor(SETTLE);
    const count = async () => Number(((await left.textContent()) ?? '').replace(/\D/g, ''));
    const before = await count();
    expect(await card.getByTestId('event-tier-counts').textContent()).toMatch(/\d+ left/);

    const seats = (await freeRow(fanA, sale.rows, usedRows)).slice(0, 2);
    for (const id of seats) await seat(fanA, id).click();
    await fanA.getByRole('button', { name: 'Hold these seats' }).click();
    await fanA.getByTestId('hold-panel').waitFor();
    // The list is throttled to about one message per event per second.
    await expect.poll(count, { timeout: 3_000 }).toBe(before - 2);
    await lister.getByTestId('event-results').screenshot({
      path: path.join(RESULTS_DIR, 'seat-map-event-list.png'),
    });

    await fanA.getByRole('button', { name: 'Release' }).click();
    await expect.poll(count, { timeout: 3_000 }).toBe(before);
  });

  it('catches up after the connection drops: banner while away, missed holds applied on return', async () => {
    // An anonymous onlooker reaches the API through a TCP proxy the test can cut.
    const proxy = await startCuttableProxy(new URL(baseUrl));
    try {
      const onlooker = await newPage();
      await onlooker.goto(`${proxy.url}/events/${sale.id}`);
      await waitForLiveMap(onlooker);
      await onlooker.locator('[data-testid="seat-map-connection"][data-state="live"]').waitFor();
      const seats = (await freeRow(fanB, sale.rows, usedRows)).slice(0, 2);
      await waitForSeats(onlooker, seats, 'a');

      proxy.cut();
      await onlooker
        .locator('[data-testid="seat-map-connection"][data-state="reconnecting"]')
        .waitFor(SETTLE);
      expect(await onlooker.getByTestId('seat-map-connection').textContent()).toBe(
        'Reconnecting to live seat map…',
      );
      await mapScreenshot(onlooker, 'seat-map-reconnecting');

      // While the onlooker is cut off, fan B holds two seats.
      for (const id of seats) await seat(fanB, id).click();
      await fanB.getByRole('button', { name: 'Hold these seats' }).click();
      await fanB.getByTestId('hold-panel').waitFor();
      await waitForSeats(fanA, seats, 'h');
      expect(
        await onlooker.locator(`[data-seat-id="${seats[0]}"]`).getAttribute('data-status'),
      ).toBe('a');

      proxy.restore();
      await onlooker
        .locator('[data-testid="seat-map-connection"][data-state="resynced"]')
        .waitFor(SETTLE);
      expect(await onlooker.getByTestId('seat-map-connection').textContent()).toBe(
        'Seat map resynced',
      );
      await waitForSeats(onlooker, seats, 'h', SETTLE.timeout);

      // And it is live again afterwards.
      await fanB.getByRole('button', { name: 'Release' }).click();
      await waitForSeats(onlooker, seats, 'a');
    } finally {
      await proxy.close();
    }
  });
});

describe('finding a seat on the map', () => {
  it('zooms with the buttons, shows seat details on hover, and resets', async () => {
    const frame = fanA.getByTestId('seat-map-frame');
    expect(Number(await frame.getAttribute('data-scale'))).toBe(1);
    const scale = async () => Number(await frame.getAttribute('data-scale'));
    await fanA.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(scale).toBe(2);
    await fanA.getByRole('button', { name: 'Zoom in' }).click();
    // Settled at 4× (a transform still animating would hide the hover card again).
    await expect.poll(scale).toBe(4);

    // Hover the seat nearest the middle of the visible map.
    const box = await frame.boundingBox();
    if (!box) throw new Error('The seat map frame has no box.');
    const target = await fanA.evaluate(
      ({ x, y }) => {
        let best: { id: string; d: number } | null = null;
        for (const c of document.querySelectorAll('[data-seat-id]')) {
          const r = c.getBoundingClientRect();
          const d = Math.hypot(r.x + r.width / 2 - x, r.y + r.height / 2 - y);
          if (!best || d < best.d) best = { id: c.getAttribute('data-seat-id') ?? '', d };
        }
        return best?.id;
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    await seat(fanA, Number(target)).hover();
    const details = fanA.getByTestId('seat-details');
    await details.waitFor();
    expect(await details.textContent()).toMatch(/ · Row .+, seat .+ · .+ · (available|held|sold)/);
    await mapScreenshot(fanA, 'seat-map-zoomed');

    await fanA.getByRole('button', { name: 'Reset zoom' }).click();
    await expect.poll(scale).toBe(1);

    // The keyboard zooms too: + on the focused map doubles, − halves.
    await fanA.getByTestId('seat-map').focus();
    await fanA.keyboard.press('+');
    await expect.poll(scale).toBe(2);
    await fanA.keyboard.press('-');
    await expect.poll(scale).toBe(1);
  });

  it('zooms with the mouse wheel and pans by dragging without selecting a seat', async () => {
    const frame = fanA.getByTestId('seat-map-frame');
    const box = await frame.boundingBox();
    if (!box) throw new Error('The seat map frame has no box.');
    const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await fanA.mouse.move(middle.x, middle.y);
    await fanA.mouse.wheel(0, -400);
    await expect
      .poll(async () => Number(await frame.getAttribute('data-scale')))
      .toBeGreaterThan(1);
    const before = await fanA.getByTestId('seat-map').boundingBox();
    await fanA.mouse.down();
    await fanA.mouse.move(middle.x + 120, middle.y + 60, { steps: 8 });
    await fanA.mouse.up();
    const after = await fanA.getByTestId('seat-map').boundingBox();
    expect(Math.round((after?.x ?? 0) - (before?.x ?? 0))).toBeGreaterThan(20);
    expect(await fanA.getByTestId('selection-panel').count()).toBe(0);
    await fanA.getByRole('button', { name: 'Reset zoom' }).click();
  });

  it('fits a phone: starts zoomed in, a tap selects a seat, buttons stay in reach', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await openSale(phone);
    const frame = phone.getByTestId('seat-map-frame');
    expect(Number(await frame.getAttribute('data-scale'))).toBeGreaterThan(2);
    const frameBox = await frame.boundingBox();
    expect(frameBox && frameBox.width <= 390).toBe(true);
    await phone.getByTestId('seat-picker').scrollIntoViewIfNeeded();
    await mapScreenshot(phone, 'seat-map-phone');

    // A visible, available seat near the middle of the frame.
    const target = await phone.evaluate(() => {
      const frameRect = document
        .querySelector('[data-testid="seat-map-frame"]')
        ?.getBoundingClientRect();
      if (!frameRect) return null;
      const cx = frameRect.x + frameRect.width / 2;
      const cy = frameRect.y + frameRect.height / 2;
      let best: { id: string; d: number } | null = null;
      for (const c of document.querySelectorAll('[data-seat-id][data-status="a"]')) {
        const r = c.getBoundingClientRect();
        const d = Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy);
        if (!best || d < best.d) best = { id: c.getAttribute('data-seat-id') ?? '', d };
      }
      return best?.id ?? null;
    });
    expect(target).not.toBeNull();
    await seat(phone, Number(target)).click();
    await expect.poll(() => seat(phone, Number(target)).getAttribute('data-status')).toBe('x');
    expect(await phone.getByTestId('active-seat').textContent()).toMatch(
      /Row .+, seat .+ · selected/,
    );
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
