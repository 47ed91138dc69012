// /admin/events/new and /admin/events/:id: the event form, its status actions, and (for an
// existing event) its orders and the holds that ended without a sale.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { AdminShell } from '../features/admin/admin-shell.tsx';
import { EventActions } from '../features/admin/event-actions.tsx';
import { EventForm } from '../features/admin/event-form.tsx';
import { EventStatusBadge } from '../features/admin/event-status-badge.tsx';
import { ExpiredHolds } from '../features/admin/expired-holds.tsx';
import { describeError } from '../lib/app-error.ts';
import { formatCount } from '../lib/format.ts';
import { trpc } from '../lib/trpc.ts';

const NewEvent = () => {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const create = trpc.admin.events.create.useMutation({
    onSuccess: async (event) => {
      utils.admin.events.get.setData({ id: event.id }, event);
      await utils.admin.events.list.invalidate();
      navigate(`/admin/events/${event.id}`, { replace: true, state: { created: true } });
    },
  });
  return (
    <AdminShell title="New event" heading="New event">
      <EventForm pending={create.isPending} serverError={create.error} onSubmit={create.mutate} />
    </AdminShell>
  );
};

const EditEvent = ({ id }: { id: string }) => {
  const utils = trpc.useUtils();
  const query = trpc.admin.events.get.useQuery({ id }, { staleTime: 0 });
  const update = trpc.admin.events.update.useMutation({
    onSuccess: async (event) => {
      utils.admin.events.get.setData({ id }, event);
      await utils.admin.events.list.invalidate();
    },
  });
  const event = query.data;
  return (
    <AdminShell
      title={event?.title ?? 'Event'}
      heading={
        <span className="flex flex-wrap items-center gap-3">
          {event?.title ?? 'Event'} {event && <EventStatusBadge status={event.status} />}
        </span>
      }
      actions={
        event && (
          <>
            <Link to={`/admin/orders?eventId=${id}`} className={buttonClasses('secondary')}>
              Orders
            </Link>
            <Link to={`/admin/events/${id}/on-sales`} className={buttonClasses('secondary')}>
              On-sale windows
            </Link>
            <Link to={`/admin/events/${id}/dashboard`} className={buttonClasses('secondary')}>
              Live dashboard
            </Link>
          </>
        )
      }
    >
      {query.isPending ? (
        <div role="status" aria-label="Loading the event">
          <Skeleton className="h-96 rounded-2xl" />
        </div>
      ) : query.isError ? (
        <ErrorState
          title="We could not load this event"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <div className="space-y-6">
          <div className="flex flex-wrap items-start justify-between gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
            <p className="text-sm text-slate-700">
              {formatCount(query.data.seatsSold)} of {formatCount(query.data.capacity)} seats sold ·{' '}
              {query.data.orders.confirmed} paid orders · {query.data.orders.refunded} refunded or
              cancelled
            </p>
            <EventActions event={query.data} />
          </div>
          {update.isSuccess && !update.isPending && (
            <p
              role="status"
              className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            >
              Changes saved.
            </p>
          )}
          {query.data.status === 'CANCELLED' ? (
            <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
              This event was cancelled; it can no longer be edited.
            </p>
          ) : (
            <EventForm
              key={query.data.updatedAt}
              event={query.data}
              pending={update.isPending}
              serverError={update.error}
              onSubmit={(input) => update.mutate({ ...input, id })}
            />
          )}
          <section>
            <h2 className="mb-3 text-lg font-semibold text-slate-900">
              Expired and abandoned holds
            </h2>
            <ExpiredHolds eventId={id} />
          </section>
        </div>
      )}
    </AdminShell>
  );
};

export const AdminEventPage = () => {
  const { id } = useParams();
  return id && id !== 'new' ? <EditEvent id={id} /> : <NewEvent />;
};
