// The waiting room in a real browser against the real API: a fan joins the pre-queue of a sale
// that starts in a few seconds, sees the countdown and the lottery commitment, gets a place with an
// ETA when the sale opens (the worker's scheduler and admission step are driven from here, on the
// API's own Redis keys), is admitted and moved to the seat map, holds seats and checks out.
// Screenshots at each step (also on a phone).
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { joinWaitingRoom } from '@tessera/core/waiting-room/join-waiting-room';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import { createPrismaClient } from '@tessera/db/client';
import { launchBrowser } from './browser.ts';
import { E2E_REDIS_URL } from './e2e-env.ts';
import { screenshot } from './journey-helpers.ts';
import { freeRow, newFan, register, seat, waitForLiveMap } from './sale-helpers.ts';

const baseUrl = inject('baseUrl');
const prisma = createPrismaClient({ databaseUrl: inject('databaseUrl'), poolSize: 2 });
const redis = createRedisClient({ redisUrl: E2E_REDIS_URL });
const store = { prisma, redis, prefix: inject('redisPrefix') };
/** The pre-queue phase: long enough to see it, short enough for a test. */
const STARTS_IN_MS = 40_000;
const SETTLE = { timeout: 20_000, interval: 250 };

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let fan: Page;
let event: { id: string; title: string };
let windowId = '';
let startsAt = 0;
let rows: number[][] = [];

/** A fresh event on the smallest seeded venue, with a waiting-room window whose pre-queue is open. */
const createQueuedSale = async () => {
  const template = await prisma.event.findFirstOrThrow({
    where: { status: 'PUBLISHED', prices: { some: {} } },
    orderBy: { capacity: 'asc' },
    include: { prices: true },
  });
  const created = await prisma.event.create({
    data: {
      title: `Queue Night ${randomUUID().slice(0, 6)}`,
      description: 'A sale behind the waiting room.',
      category: template.category,
      city: template.city,
      venueId: template.venueId,
      capacity: template.capacity,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
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
  startsAt = Date.now() + STARTS_IN_MS;
  const window = await prisma.onSaleWindow.create({
    data: {
      eventId: created.id,
      name: 'General sale',
      startsAt: new Date(startsAt),
      endsAt: new Date(startsAt + 3_600_000),
      preQueueOpensAt: new Date(Date.now() - 1_000),
      waitingRoomEnabled: true,
      admissionMode: 'PACE',
      admissionRatePerMinute: 120,
      shopperSessionSeconds: 600,
      perFanSeatLimit: 4,
    },
  });
  windowId = window.id;
  // The worker's schedule step: publishes the lottery commitment and mirrors the window.
  await runWindowSchedule({ ...store, windowIds: [windowId] });
  const seats = await prisma.seat.findMany({
    where: { venueId: template.venueId },
    orderBy: [{ rowId: 'asc' }, { position: 'asc' }],
    select: { id: true, rowId: true },
  });
  const byRow = new Map<number, number[]>();
  for (const s of seats) byRow.set(s.rowId, [...(byRow.get(s.rowId) ?? []), s.id]);
  rows = [...byRow.values()];
  return { id: created.id, title: created.title };
};

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

/** Waits for a queue state's text; on failure keeps a screenshot of what the fan saw instead. */
const expectText = async (page: Page, text: string, name: string) => {
  try {
    await page.getByText(text).first().waitFor({ timeout: 20_000 });
  } catch (error) {
    await screenshot(page, `queue-failed-${name}`);
    const main = await page.locator('main').textContent();
    throw new Error(`"${text}" not shown; the page said: ${main?.slice(0, 400)}`, { cause: error });
  }
};

beforeAll(async () => {
  browser = await launchBrowser();
  fan = await newPage();
  await register(fan, baseUrl, newFan('Queuer'));
  // Last, so the pre-queue phase is not spent on setup.
  event = await createQueuedSale();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await Promise.all([prisma.$disconnect(), redis.quit()]);
});

describe('a fan in the waiting room', () => {
  it('is sent from the event page to the queue and joins the pre-queue', async () => {
    // Three other fans are already in the pre-queue, so the draw decides who goes first.
    for (let i = 0; i < 3; i += 1)
      await joinWaitingRoom({ redis, prefix: store.prefix, windowId, userId: randomUUID() });
    await fan.goto(`${baseUrl}/events/${event.id}`);
    const callout = fan.getByTestId('queue-callout');
    await callout.waitFor();
    await screenshot(fan, 'queue-1-event-page-callout');
    await callout.getByRole('link', { name: 'Go to the waiting room' }).click();
    await fan.waitForURL(`${baseUrl}/events/${event.id}/queue`);
    await expectText(fan, 'You are in the pre-queue', 'pre-queue');
    expect(await fan.getByTestId('prequeue-size').textContent()).toContain(
      '4 fans are in the pre-queue',
    );
    expect(await fan.getByRole('timer').first().textContent()).toMatch(/^\d\d:\d\d$/);
    const commitment = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: windowId } });
    await fan.getByText(commitment.lotteryCommitment!).waitFor();
    await screenshot(fan, 'queue-2-pre-queue');
  });

  it('keeps the place on a phone and after a refresh', async () => {
    const context = fan.context();
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${baseUrl}/events/${event.id}/queue`);
    await expectText(phone, 'You are in the pre-queue', 'phone');
    await screenshot(phone, 'queue-3-pre-queue-phone');
    await phone.close();
    await fan.reload();
    await expectText(fan, 'You are in the pre-queue', 'refresh');
  });

  it('gets a place and an ETA when the sale opens, with the seed revealed', async () => {
    // Wall-clock wait: the scripts judge the start by Redis time, as in production.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt - Date.now() + 200)));
    const opened = await runWindowSchedule({ ...store, windowIds: [windowId] });
    expect(opened.opened).toEqual([windowId]);
    await expectText(fan, 'You are in the queue', 'waiting');
    const position = Number(await fan.getByTestId('queue-position').textContent());
    expect(position).toBeGreaterThanOrEqual(1);
    expect(position).toBeLessThanOrEqual(4);
    expect(Number(await fan.getByTestId('queue-ahead').textContent())).toBe(position - 1);
    await expect
      .poll(() => fan.getByTestId('queue-eta').textContent(), SETTLE)
      .not.toBe('working it out…');
    await fan.getByText('Revealed seed').waitFor();
    await fan.getByRole('button', { name: 'Verify the seed here' }).click();
    await fan.getByText('✓ The seed matches the commitment.').waitFor();
    await fan.evaluate(() => window.scrollTo(0, 0));
    await screenshot(fan, 'queue-4-waiting-with-eta');
  });

  it('is admitted, moved to the seat map with a shopping-time countdown, holds seats and checks out', async () => {
    // The worker's admission step (120 fans/min): repeated until this fan's turn comes.
    await expect
      .poll(
        async () => {
          await advanceAdmission({ redis, prefix: store.prefix, windowId });
          return fan.url();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(`${baseUrl}/events/${event.id}`);
    const session = fan.getByTestId('shopper-session');
    await session.waitFor();
    expect(await session.getByRole('timer').textContent()).toMatch(/^(09|10):\d\d$/);
    await waitForLiveMap(fan);
    await screenshot(fan, 'queue-5-admitted-seat-map');

    const picked = (await freeRow(fan, rows, new Set())).slice(0, 2);
    for (const id of picked) await seat(fan, id).click();
    await fan.getByRole('button', { name: 'Hold these seats' }).click();
    await fan.getByTestId('hold-panel').waitFor({ timeout: 15_000 });
    await screenshot(fan, 'queue-6-held');
    await fan.getByRole('link', { name: 'Continue to checkout' }).click();
    await fan.waitForURL(/\/checkout\/[0-9a-f-]{36}$/);
    await fan.getByRole('button', { name: /Use this card, 4242 .*succeeds/ }).click();
    await fan.getByRole('button', { name: /^Pay / }).click();
    await fan.waitForURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await fan.getByRole('heading', { level: 1, name: 'You’re going!' }).waitFor();
    expect(await fan.getByTestId('ticket').count()).toBe(2);
    await screenshot(fan, 'queue-7-confirmed');
  });

  it('is refused seats without passing the queue (another fan straight to the event page)', async () => {
    const other = await newPage();
    await register(other, baseUrl, newFan('Skipper'));
    await other.goto(`${baseUrl}/events/${event.id}`);
    await other
      .getByTestId('queue-callout')
      .getByRole('link', { name: 'Join the queue' })
      .waitFor();
    expect(await other.getByTestId('seat-picker').count()).toBe(0);
    await screenshot(other, 'queue-8-not-admitted-callout');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
