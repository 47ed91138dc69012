// Helpers for the buying journey: an event on sale now without a waiting room (ground truth from
// Postgres), fresh fans, and reading seat states off the map.
import { createPrismaClient } from '@tessera/db/client';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';

export interface SaleEvent {
  id: string;
  title: string;
  /** Seat ids of every row, each in order along the row. */
  rows: number[][];
}

/** The largest published event whose open sale window has no waiting room. */
export const findOpenSaleEvent = async (databaseUrl: string): Promise<SaleEvent> => {
  const prisma = createPrismaClient({ databaseUrl, poolSize: 1 });
  try {
    const event = await prisma.event.findFirstOrThrow({
      where: {
        status: 'PUBLISHED',
        onSales: { some: { status: 'OPEN', waitingRoomEnabled: false } },
      },
      orderBy: [{ capacity: 'desc' }, { id: 'asc' }],
      select: { id: true, title: true, venueId: true },
    });
    const seats = await prisma.seat.findMany({
      where: { venueId: event.venueId },
      orderBy: [{ rowId: 'asc' }, { position: 'asc' }],
      select: { id: true, rowId: true },
    });
    const rows = new Map<number, number[]>();
    for (const seat of seats) rows.set(seat.rowId, [...(rows.get(seat.rowId) ?? []), seat.id]);
    return { id: event.id, title: event.title, rows: [...rows.values()] };
  } finally {
    await prisma.$disconnect();
  }
};

export const newFan = (label: string) => {
  const id = randomUUID().slice(0, 8);
  return {
    name: `${label} ${id}`,
    email: `${label.toLowerCase().replace(/\W+/g, '-')}-${id}@example.test`,
    password: 'Checkout-pass-2026',
  };
};

export const register = async (page: Page, baseUrl: string, fan: ReturnType<typeof newFan>) => {
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('Name').fill(fan.name);
  await page.getByLabel('Email').fill(fan.email);
  await page.getByLabel('Password').fill(fan.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${baseUrl}/events`);
  // On a phone only the first name shows; the element itself is there on every width.
  await page.getByTestId('signed-in-user').waitFor();
};

/** Seat id → drawn state ('a', 'h', 's', 'm', 'x', '?') for every seat on the map. */
export const seatStates = (page: Page): Promise<Record<string, string>> =>
  page.$$eval('[data-seat-id]', (circles) =>
    Object.fromEntries(
      circles.map((c) => [c.getAttribute('data-seat-id'), c.getAttribute('data-status')]),
    ),
  );

/** The first row (of at least `min` seats) that is wholly available and not in `skip`. */
export const freeRow = async (page: Page, rows: number[][], skip: Set<number[]>, min = 4) => {
  const states = await seatStates(page);
  const row = rows.find(
    (r) => r.length >= min && !skip.has(r) && r.every((id) => states[String(id)] === 'a'),
  );
  if (!row) throw new Error('No wholly available row left on the sale event.');
  skip.add(row);
  return row;
};

/** Waits until the map has drawn a snapshot (no seat in the "loading" state). */
export const waitForLiveMap = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelectorAll('[data-seat-id]').length > 0 &&
      document.querySelector('[data-seat-id][data-status="?"]') === null,
    undefined,
    { timeout: 20_000 },
  );

export const seat = (page: Page, seatId: number) => page.locator(`[data-seat-id="${seatId}"]`);
