// Waiting-room figures per window (queue, admissions, shoppers, abandonment, waits, ETA error).
import type { DashboardStats } from '@tessera/contracts/dashboard';
import { formatCount } from '../../lib/format.ts';
import { percent, seconds } from './dashboard-format.ts';
import { Sparkline } from './sparkline.tsx';
import { CardGrid, StatCard } from './stat-card.tsx';
import type { DashboardHistory } from './use-dashboard-stats.ts';

const STATUS_LABEL: Record<DashboardStats['windows'][number]['status'], string> = {
  SCHEDULED: 'Scheduled',
  OPEN: 'Open',
  PAUSED: 'Paused',
  ENDED: 'Ended',
  CANCELLED: 'Cancelled',
};

export const WindowsPanel = ({
  windows,
  history,
}: {
  windows: DashboardStats['windows'];
  history: DashboardHistory;
}) => (
  <div className="flex flex-col gap-4">
    {windows.map((w, i) => (
      <div key={w.windowId}>
        <p className="mb-2 text-sm text-slate-600">
          <span className="font-semibold text-slate-900">{w.name || 'Waiting room'}</span> ·{' '}
          {STATUS_LABEL[w.status]}
          {w.soldOut && <span className="ml-2 font-semibold text-rose-700">Sold out</span>}
        </p>
        <CardGrid>
          <StatCard
            label="Queue"
            value={formatCount(w.queueLength)}
            hint={`${formatCount(w.preQueueSize)} in the pre-queue · ${formatCount(w.away)} away`}
          >
            {i === 0 && (
              <Sparkline label="Queue" at={history.at} values={history.queue} color="#4f46e5" />
            )}
          </StatCard>
          <StatCard
            label="Admitted per minute"
            value={w.admittedPerMinute.toFixed(1)}
            hint={`${formatCount(w.admittedTotal)} admitted in all`}
          >
            {i === 0 && (
              <Sparkline
                label="Admitted per minute"
                at={history.at}
                values={history.admittedPerMinute}
                color="#0891b2"
              />
            )}
          </StatCard>
          <StatCard
            label="Active shoppers"
            value={formatCount(w.activeShoppers)}
            hint={`Abandonment ${percent(w.abandonmentRatio)} (${formatCount(w.abandoned)})`}
          >
            {i === 0 && (
              <Sparkline
                label="Active shoppers"
                at={history.at}
                values={history.activeShoppers}
                color="#059669"
              />
            )}
          </StatCard>
          <StatCard
            label="Wait p50 / p95"
            value={`${seconds(w.waitP50Seconds)} / ${seconds(w.waitP95Seconds)}`}
            hint={`ETA error p50 ${seconds(w.etaErrorP50Seconds)} · p95 ${seconds(w.etaErrorP95Seconds)}`}
          />
        </CardGrid>
      </div>
    ))}
  </div>
);
