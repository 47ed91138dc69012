// Runs the invariant checker over the given events, or over every event with live seat state
// (active in Redis) or a reconciliation cursor in Postgres.
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { listActiveEvents } from '../reconciliation/active-events.store.ts';
import { checkEventInvariants } from './check-event-invariants.ts';
import type { InvariantReport } from './invariant-report.ts';

export interface CheckInvariantsOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  eventIds?: string[];
  maxMismatches?: number;
}

export const listCheckableEvents = async ({
  prisma,
  redis,
  prefix,
}: Pick<CheckInvariantsOptions, 'prisma' | 'redis' | 'prefix'>): Promise<string[]> => {
  const cursors = await prisma.eventSeatCursor.findMany({ select: { eventId: true } });
  const active = await listActiveEvents({ redis, prefix });
  return [...new Set([...active, ...cursors.map((c) => c.eventId)])].sort();
};

export const checkInvariants = async (
  options: CheckInvariantsOptions,
): Promise<InvariantReport> => {
  const eventIds = options.eventIds ?? (await listCheckableEvents(options));
  const events = [];
  const notFound = [];
  for (const eventId of eventIds) {
    const report = await checkEventInvariants({ ...options, eventId });
    if (report) events.push(report);
    else notFound.push(eventId);
  }
  return { ok: notFound.length === 0 && events.every((e) => e.ok), events, notFound };
};
