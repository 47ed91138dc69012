// The invariant checker's last periodic result per event, kept in Redis by the worker and read by
// the sale dashboard. Key: P{ev:<eventId>}:invariants (JSON of InvariantsSummary, expires in a day).
import type { Redis } from 'ioredis';
import { ZInvariantsSummary, type InvariantsSummary } from '@tessera/contracts/dashboard';
import { eventTag } from '../holds/keys.ts';
import type { EventInvariantReport } from '../invariants/invariant-report.ts';

const TTL_SECONDS = 24 * 3600;

interface StoreOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
}

const keyOf = (options: Pick<StoreOptions, 'prefix' | 'eventId'>) =>
  `${eventTag(options)}:invariants`;

export const summarizeInvariantReport = (report: EventInvariantReport): InvariantsSummary => ({
  ok: report.ok,
  checkedAt: report.checkedAt,
  failures: report.checks
    .filter((check) => !check.ok)
    .map((check) => ({ name: check.name, detail: check.detail })),
  soldInPostgres: report.soldInPostgres,
  heldInRedis: report.heldInRedis,
  capacity: report.capacity,
});

export const saveInvariantsSummary = async ({
  summary,
  ...options
}: StoreOptions & { summary: InvariantsSummary }) => {
  await options.redis.set(keyOf(options), JSON.stringify(summary), 'EX', TTL_SECONDS);
};

/** The last stored summary; null when none (or unreadable: a later check replaces it). */
export const readInvariantsSummary = async (
  options: StoreOptions,
): Promise<InvariantsSummary | null> => {
  const raw = await options.redis.get(keyOf(options));
  if (!raw) return null;
  try {
    const parsed = ZInvariantsSummary.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
