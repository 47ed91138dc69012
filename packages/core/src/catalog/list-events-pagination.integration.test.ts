// Keyset pagination: walking every page returns each matching event once, in (startsAt, id) order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ZListEventsRequest } from '@tessera/contracts/catalog';
import { createPrismaClient } from '@tessera/db/client';
import { AppError } from '../errors/app-error.ts';
import { createTestEvent, createTestVenue, uniqueToken } from '../testing/catalog-fixtures.ts';
import { listEvents } from './list-events.ts';

const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL! });
const city = uniqueToken('Pageville');
const created: { id: string; startsAt: Date }[] = [];

beforeAll(async () => {
  const { venue, capacity } = await createTestVenue({ prisma, name: uniqueToken('Hall'), city });
  const sharedStart = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000);
  // Three events share one start time so the id tie-breaker is exercised across page boundaries.
  const starts = [0, 0, 0, 1, 2, 3, 4].map(
    (hours) => new Date(sharedStart.getTime() + hours * 3_600_000),
  );
  for (const [index, startsAt] of starts.entries()) {
    const event = await createTestEvent({
      prisma,
      venueId: venue.id,
      city,
      capacity,
      title: `Show ${index}`,
      startsAt,
    });
    created.push({ id: event.id, startsAt });
  }
});

afterAll(async () => {
  await prisma.$disconnect();
});

it('walks all pages without repeating or skipping an event', async () => {
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listEvents({
      prisma,
      filters: ZListEventsRequest.parse({ city, limit: 3, cursor }),
    });
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);

  const expected = [...created]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((e) => e.id);
  expect(pages).toBe(3);
  expect(seen).toEqual(expected);
});

it('says there is no next page when the last page is exactly full', async () => {
  const page = await listEvents({
    prisma,
    filters: ZListEventsRequest.parse({ city, limit: created.length }),
  });
  expect(page.items).toHaveLength(created.length);
  expect(page.nextCursor).toBeNull();
});

it('refuses a tampered cursor with a validation error', async () => {
  const attempt = listEvents({
    prisma,
    filters: ZListEventsRequest.parse({ city, cursor: 'not-a-cursor' }),
  });
  await expect(attempt).rejects.toBeInstanceOf(AppError);
  await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION' });
});
