// The live sale dashboard of one event: waiting room, holds, sales, seats by tier, reconciliation
// and the invariant check. Cards stack on a phone, two across on a tablet, four on a desktop.
import type { DashboardStats } from '@tessera/contracts/dashboard';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatCount, formatPrice } from '../../lib/format.ts';
import { percent, perSecond, seconds } from './dashboard-format.ts';
import { InvariantsPanel } from './invariants-panel.tsx';
import { Sparkline } from './sparkline.tsx';
import { CardGrid, SectionHeading, StatCard } from './stat-card.tsx';
import { TiersTable } from './tiers-table.tsx';
import { useDashboardStats, type DashboardHistory } from './use-dashboard-stats.ts';
import { WindowsPanel } from './windows-panel.tsx';

const LiveBadge = ({ reconnecting, at }: { reconnecting: boolean; at: number }) => (
  <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
    <span
      aria-hidden
      className={`h-2.5 w-2.5 rounded-full ${reconnecting ? 'bg-amber-500' : 'animate-pulse bg-emerald-500'}`}
    />
    {reconnecting
      ? 'Reconnecting… showing the last figures'
      : `Live · updated ${new Date(at).toLocaleTimeString()}`}
  </p>
);

const SalesCards = ({ stats, history }: { stats: DashboardStats; history: DashboardHistory }) => {
  const { holds, sales } = stats;
  return (
    <CardGrid>
      <StatCard
        label="Holds per second"
        value={perSecond(holds.holdsPerSecond)}
        hint={`${formatCount(holds.holdsTotal)} holds since the sale began`}
      >
        <Sparkline
          label="Holds per second"
          at={history.at}
          values={history.holdsPerSecond}
          color="#d97706"
        />
      </StatCard>
      <StatCard
        label="Hold conflicts per second"
        value={perSecond(holds.conflictsPerSecond)}
        hint={`${formatCount(holds.conflictsTotal)} refused on a taken seat`}
        tone={holds.conflictsPerSecond > 0 ? 'bad' : 'normal'}
      >
        <Sparkline
          label="Hold conflicts per second"
          at={history.at}
          values={history.conflictsPerSecond}
          color="#e11d48"
        />
      </StatCard>
      <StatCard
        label="Revenue"
        value={formatPrice(sales.revenueCents, sales.currency)}
        hint={`${formatCount(sales.ordersConfirmed)} confirmed orders`}
        tone="good"
      >
        <Sparkline label="Revenue" at={history.at} values={history.revenue} color="#059669" />
      </StatCard>
      <StatCard
        label="Hold to sale"
        value={percent(sales.holdToSaleConversion)}
        hint="Confirmed orders over holds created"
      />
    </CardGrid>
  );
};

const ReconciliationCard = ({ lag }: { lag: DashboardStats['reconciliation'] }) => (
  <StatCard
    label="Reconciliation lag"
    value={
      lag.versionsBehind === null
        ? 'Not loaded'
        : `${formatCount(lag.versionsBehind)} ${lag.versionsBehind === 1 ? 'change' : 'changes'}`
    }
    hint={
      lag.headVersion === null
        ? 'No seat state in Redis for this event yet'
        : `Oldest pending ${seconds(lag.oldestPendingSeconds)} · Redis v${lag.headVersion}, Postgres v${lag.appliedVersion}`
    }
    tone={lag.oldestPendingSeconds !== null && lag.oldestPendingSeconds > 10 ? 'bad' : 'normal'}
  />
);

export const DashboardView = ({ eventId }: { eventId: string }) => {
  const { stats, history, reconnecting, connecting, error, retry } = useDashboardStats(eventId);
  if (error && !stats) return <ErrorState message={describeError(error)} onRetry={retry} />;
  if (connecting || !stats)
    return (
      <div role="status" aria-label="Connecting to the live figures" className="grid gap-3">
        <Skeleton className="h-28 rounded-xl" />
        <Skeleton className="h-28 rounded-xl" />
      </div>
    );
  const idle = !stats.sales.onSaleNow && stats.windows.length === 0;
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-lg font-semibold text-slate-800" data-testid="dashboard-event-title">
          {stats.title}
        </p>
        <LiveBadge reconnecting={reconnecting} at={stats.at} />
      </div>
      <SectionHeading>Waiting room</SectionHeading>
      {stats.windows.length > 0 ? (
        <WindowsPanel windows={stats.windows} history={history} />
      ) : idle ? (
        <EmptyState title="No sale is running">
          Nothing is on sale for this event right now: no on-sale window is open and no waiting room
          is coming up. Figures appear here as soon as a sale starts.
        </EmptyState>
      ) : (
        <p className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          This sale runs without a waiting room; holds and sales are below.
        </p>
      )}
      <SectionHeading>Holds and sales</SectionHeading>
      <SalesCards stats={stats} history={history} />
      <SectionHeading>Seats by tier</SectionHeading>
      {stats.tiers ? (
        <TiersTable tiers={stats.tiers} />
      ) : (
        <p className="text-sm text-slate-600">
          Seat counts appear once the event's seats are loaded for sale (at the first hold).
        </p>
      )}
      <SectionHeading>Health</SectionHeading>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <ReconciliationCard lag={stats.reconciliation} />
        <InvariantsPanel eventId={eventId} periodic={stats.invariants} />
      </div>
    </div>
  );
};
