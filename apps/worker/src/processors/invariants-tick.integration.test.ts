// The periodic invariant check: a pass stores each event's summary where the sale dashboard reads
// it (passing, then naming the broken invariant), and one replica per period runs it.
import { readInvariantsSummary } from '@tessera/core/dashboard/invariants-summary.store';
import { eventKeys } from '@tessera/core/holds/keys';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import type { ReconciliationFixture } from '@tessera/core/reconciliation/reconciliation-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTickTestStores } from '../testing/tick-test-stores.ts';
import { runInvariantsTick } from './invariants-tick.ts';

const stores = openTickTestStores('invariants-tick');
const { prisma, redis, seatPrefix } = stores;
let fx: ReconciliationFixture;

beforeAll(async () => {
  fx = await stores.reconciliationFixture();
  await fx.hold({ seats: [fx.seats[0]!, fx.seats[1]!] });
  await reconcileEvent({ prisma, redis, prefix: seatPrefix, eventId: fx.eventId });
});

afterAll(() => stores.close());

// A period far longer than one pass, however slow the box: the second call below must fall in the
// first one's period (with 1 s, a pass slower than the 0.5 s lock let the second call run).
const tick = () =>
  runInvariantsTick({ prisma, redis, seatPrefix, everyMs: 600_000, eventIds: [fx.eventId] });

describe('invariants tick', () => {
  it('stores a passing summary, skips while another pass holds the period, then reports a break', async () => {
    expect(
      await readInvariantsSummary({ redis, prefix: seatPrefix, eventId: fx.eventId }),
    ).toBeNull();
    expect(await tick()).toEqual({ checked: 1, failed: 0 });
    expect(
      await readInvariantsSummary({ redis, prefix: seatPrefix, eventId: fx.eventId }),
    ).toMatchObject({
      ok: true,
      failures: [],
      heldInRedis: 2,
      soldInPostgres: 0,
    });
    // Same period: another replica (or this one) already ran it.
    expect(await tick()).toBeNull();

    await redis.del(`${seatPrefix}dashboard:invariants-lock`);
    await redis.hset(
      eventKeys({ prefix: seatPrefix, eventId: fx.eventId }).seats,
      String(fx.seats[6]!),
      's',
    );
    expect(await tick()).toEqual({ checked: 1, failed: 1 });
    const broken = await readInvariantsSummary({ redis, prefix: seatPrefix, eventId: fx.eventId });
    expect(broken?.ok).toBe(false);
    expect(broken?.failures.map((f) => f.name)).toContain('sold-seats-agree');
  });
});
