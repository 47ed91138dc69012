// /admin/events/:id/on-sales: the event's on-sale windows on a timeline and in a list with their
// controls, and the form to schedule another one.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, buttonClasses } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { AdminShell } from '../features/admin/admin-shell.tsx';
import { OnSaleForm } from '../features/admin-on-sales/on-sale-form.tsx';
import { OnSaleTimeline } from '../features/admin-on-sales/on-sale-timeline.tsx';
import { OnSaleWindowsList } from '../features/admin-on-sales/on-sale-windows-list.tsx';
import { describeError } from '../lib/app-error.ts';
import { trpc } from '../lib/trpc.ts';

/** Windows open and close by themselves (worker): re-read the list now and then. */
const REFRESH_MS = 15_000;

const ScheduleSection = ({
  eventId,
  onScheduled,
}: {
  eventId: string;
  onScheduled: (name: string) => void;
}) => {
  const utils = trpc.useUtils();
  const schedule = trpc.admin.onSales.schedule.useMutation({
    onSuccess: async (window) => {
      await utils.admin.onSales.list.invalidate({ eventId });
      onScheduled(window.name);
    },
  });
  return (
    <section aria-labelledby="schedule-heading" className="space-y-3">
      <h2 id="schedule-heading" className="text-lg font-semibold text-slate-900">
        Schedule a window
      </h2>
      <OnSaleForm
        eventId={eventId}
        pending={schedule.isPending}
        serverError={schedule.error}
        onSubmit={(submit) => {
          if (submit.kind === 'schedule') schedule.mutate(submit.input);
        }}
      />
    </section>
  );
};

const OnSales = ({ id }: { id: string }) => {
  const event = trpc.admin.events.get.useQuery({ id });
  const list = trpc.admin.onSales.list.useQuery(
    { eventId: id },
    { staleTime: 0, refetchInterval: REFRESH_MS },
  );
  const [scheduling, setScheduling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const title = event.data?.title ?? 'Event';
  const windows = list.data?.windows ?? [];
  const showForm = scheduling || (list.isSuccess && windows.length === 0);
  return (
    <AdminShell
      title={`On-sale windows · ${title}`}
      heading={<span data-testid="on-sales-event-title">{title}</span>}
      actions={
        <>
          <Link to={`/admin/events/${id}`} className={buttonClasses('secondary')}>
            Event
          </Link>
          <Link to={`/admin/events/${id}/dashboard`} className={buttonClasses('secondary')}>
            Dashboard
          </Link>
        </>
      }
    >
      <div className="space-y-6">
        <section aria-labelledby="windows-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="windows-heading" className="text-lg font-semibold text-slate-900">
              On-sale windows
            </h2>
            {list.isSuccess && windows.length > 0 && !scheduling && (
              <Button
                onClick={() => {
                  setNotice(null);
                  setScheduling(true);
                }}
              >
                Schedule a window
              </Button>
            )}
          </div>
          {event.data && (
            <p className="text-sm text-slate-600">
              The event starts{' '}
              {new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(
                Date.parse(event.data.startsAt),
              )}
              ; every window must end by then and windows may not overlap.
            </p>
          )}
          {notice && (
            <p
              role="status"
              data-testid="schedule-result"
              className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            >
              {notice}
            </p>
          )}
          {event.isError ? (
            <ErrorState
              title="We could not load this event"
              message={describeError(event.error)}
              onRetry={() => void event.refetch()}
            />
          ) : list.isPending ? (
            <div role="status" aria-label="Loading the on-sale windows">
              <Skeleton className="h-40 rounded-2xl" />
            </div>
          ) : list.isError ? (
            <ErrorState
              title="We could not load the on-sale windows"
              message={describeError(list.error)}
              onRetry={() => void list.refetch()}
            />
          ) : windows.length === 0 ? (
            <EmptyState title="No on-sale windows yet">
              Fans can buy only during a window. Schedule a presale or the general sale below.
            </EmptyState>
          ) : (
            <>
              <OnSaleTimeline windows={windows} />
              <OnSaleWindowsList windows={windows} />
            </>
          )}
        </section>
        {showForm && (
          <ScheduleSection
            eventId={id}
            onScheduled={(name) => {
              setScheduling(false);
              setNotice(`“${name}” is scheduled. It opens by itself at its start time.`);
            }}
          />
        )}
      </div>
    </AdminShell>
  );
};

export const AdminOnSalesPage = () => {
  const { id } = useParams();
  return id ? <OnSales id={id} /> : null;
};
