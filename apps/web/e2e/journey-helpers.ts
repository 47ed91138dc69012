// Helpers for the browser journey: the seeded arena event (ground truth from the database),
// screenshots, and reading the result cards once the list has settled.
import { createPrismaClient } from '@tessera/db/client';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './e2e-env.ts';

export interface ArenaEvent {
  id: string;
  title: string;
  category: string;
  city: string;
  seatCount: number;
  /** A distinctive word of the title to search for. */
  searchWord: string;
}

/** The soonest published event in a venue of 10,000+ seats, read straight from Postgres. */
export const findArenaEvent = async (databaseUrl: string): Promise<ArenaEvent> => {
  const prisma = createPrismaClient({ databaseUrl, poolSize: 1 });
  try {
    const event = await prisma.event.findFirstOrThrow({
      where: { status: 'PUBLISHED', capacity: { gte: 10_000 }, startsAt: { gt: new Date() } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, title: true, category: true, city: true, venueId: true },
    });
    const seatCount = await prisma.seat.count({ where: { venueId: event.venueId } });
    const words = event.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
    const searchWord = words.sort((a, b) => b.length - a.length)[0] ?? event.title;
    return {
      id: event.id,
      title: event.title,
      category: event.category,
      city: event.city,
      seatCount,
      searchWord,
    };
  } finally {
    await prisma.$disconnect();
  }
};

export const screenshot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage });

export interface CardView {
  title: string;
  category: string;
  city: string;
}

/** The cards on screen, or null while the list is still loading or showing stale results. */
export const settledCards = async (page: Page): Promise<CardView[] | null> => {
  const results = page.getByTestId('event-results');
  if ((await results.count()) === 0 || (await results.getAttribute('aria-busy')) !== 'false')
    return null;
  return page.getByTestId('event-card').evaluateAll((cards) =>
    cards.map((card) => ({
      title: card.querySelector('h3')?.textContent?.trim() ?? '',
      category: card.querySelector('[data-testid="event-category"]')?.textContent?.trim() ?? '',
      city: card.querySelector('[data-testid="event-city"]')?.textContent?.trim() ?? '',
    })),
  );
};

export const searchParam = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
