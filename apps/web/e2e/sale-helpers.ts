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

/**
 * Seats from a free stretch of some row not in `skip`: the first four are available and so are
 * the two before them (or the row starts there), so holding the first two never strands a
 * single seat. Earlier runs leave sold seats behind, hence the search along each row.
 */
export const freeRow = async (page: Page, rows: number[][], skip: Set<number[]>) => {
  const states = await seatStates(page);
  const free = (id: number | undefined) => id !== undefined && states[String(id)] === 'a';
  for (const row of rows) {
    if (skip.has(row)) continue;
    for (let i = 0; i + 4 <= row.length; i += 1) {
      const before = i === 0 || (free(row[i - 1]) && (i === 1 || free(row[i - 2])));
      if (before && row.slice(i, i + 4).every(free)) {
        skip.add(row);
        return row.slice(i);
      }
    }
  }
  throw new Error('No free stretch of four seats left on the sale event.');
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
