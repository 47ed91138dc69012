// The worker's periodic invariant check: every event with a window on sale now (OPEN or PAUSED)
// is checked and its summary stored for the sale dashboard. Events are checked one at a time.
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { checkEventInvariants } from '../invariants/check-event-invariants.ts';
import { saveInvariantsSummary, summarizeInvariantReport } from './invariants-summary.store.ts';

export interface CheckOnSaleInvariantsOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  /** Only these events (tests); omitted: every event with a window on sale. */
  eventIds?: string[];
}

export const listEventsOnSale = async (prisma: PrismaClient): Promise<string[]> => {
  const rows = await prisma.onSaleWindow.findMany({
    where: { status: { in: ['OPEN', 'PAUSED'] } },
    select: { eventId: true },
    distinct: ['eventId'],
  });
  return rows.map((row) => row.eventId);
};

/** Returns how many events were checked and how many failed. */
export const checkOnSaleInvariants = async (options: CheckOnSaleInvariantsOptions) => {
  const eventIds = options.eventIds ?? (await listEventsOnSale(options.prisma));
  let failed = 0;
  for (const eventId of eventIds) {
    const report = await checkEventInvariants({ ...options, eventId });
    if (!report) continue;
    if (!report.ok) failed += 1;
    await saveInvariantsSummary({ ...options, eventId, summary: summarizeInvariantReport(report) });
  }
  return { checked: eventIds.length, failed };
};
