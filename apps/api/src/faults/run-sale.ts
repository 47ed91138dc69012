// A flash sale for a fault test: the fixture's fans arrive through nginx over a few seconds and run
// their journeys (sale-driver.ts); the test waits until fans are holding seats, injects its fault,
// then awaits the end of the sale.
import type { JoinFixture } from '../bench/join-fixture.ts';
import { createFaultSale, type FaultSaleOptions } from './sale-driver.ts';
import { SESSION_COOKIE } from './fault-stack.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const launchSale = ({
  baseUrl,
  fixture,
  fans,
  arrivalMs = 3_000,
  timeoutMs = 60_000,
  ...driver
}: {
  baseUrl: string;
  fixture: JoinFixture;
  /** The first `fans` of the fixture take part (the last one is left as a probe). */
  fans: number;
  /** Fans arrive evenly over this long. */
  arrivalMs?: number;
  /** Fans still not admitted by then give up. */
  timeoutMs?: number;
} & Pick<FaultSaleOptions, 'retries'>) => {
  const sale = createFaultSale({ baseUrl, cookieName: SESSION_COOKIE, maxSockets: 64, ...driver });
  const started = Date.now();
  const deadline = started + timeoutMs;
  const journeys = Promise.all(
    fixture.fans.slice(0, fans).map(async (fan, index) => {
      await sleep((index / fans) * arrivalMs);
      await sale.runFan({ fan, index, eventId: fixture.eventId, deadline });
    }),
  );
  return {
    sale,
    /** Resolves once `count` fans hold seats (or the sale's deadline passed). */
    holding: async (count: number) => {
      while ((sale.outcomes.held ?? 0) < count && Date.now() < deadline) await sleep(20);
    },
    /** Resolves with the sale's length in seconds once every fan's journey ended. */
    finished: async () => {
      await journeys;
      sale.close();
      return (Date.now() - started) / 1000;
    },
  };
};
