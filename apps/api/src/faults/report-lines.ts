// The per-fault report of an HTTP fault test: requests served, errors fans saw (by procedure and
// status), recovery time, outcomes and what the drain found.
import type { SaleVerdict } from './drain-and-verify.ts';
import { faultReport, type createFaultSale } from './sale-driver.ts';

export const faultReportLines = ({
  fault,
  sale,
  faultAt,
  seconds,
  verdict,
}: {
  fault: string;
  sale: ReturnType<typeof createFaultSale>;
  faultAt: number;
  /** The sale's length. */
  seconds: number;
  verdict: SaleVerdict;
}) => {
  const report = faultReport(sale.timeline, faultAt);
  const total = sale.timeline.length;
  const ok = total - sale.timeline.filter((a) => a.failed).length;
  return [
    `\nFault: ${fault} — ${verdict.capacity} seats, ${seconds.toFixed(1)} s sale`,
    `  requests served: ${ok} of ${total} answers; after the fault ${report.servedAfter} ok, ${report.failedAfter} failed; slowest answer after it ${JSON.stringify(report.slowestMs)} ms`,
    `  errors seen by fans after the fault: ${JSON.stringify(report.errorsSeen)}; 5xx in all ${JSON.stringify(sale.stats.serverErrors)} (${sale.retried()} retries, same idempotency key)`,
    `  outcomes ${JSON.stringify(sale.outcomes)}; acknowledged ${sale.acknowledged.length} sales / ${verdict.acknowledgedSeats} seats, ${verdict.confirmedIds.length} confirmed in Postgres; ${verdict.soldInPostgres.length} seats sold in Postgres, ${verdict.eventOrders} confirmed orders`,
    `  recovery: last failed answer ${report.recoveryMs} ms after the fault; drained (lag ${verdict.invariants.events[0]?.reconciliationLag}, invariants ${verdict.invariants.ok ? 'PASS' : 'FAIL'}) ${verdict.drainedAt - faultAt} ms after it`,
  ].join('\n');
};
