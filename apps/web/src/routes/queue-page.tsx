// /events/:id/queue: the event's waiting room for a signed-in fan; admitted fans move on to the
// seat map by themselves.
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { Page } from '../components/page.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { RequireSignIn } from '../features/auth/require-sign-in.tsx';
import { QueueView } from '../features/waiting-room/queue-view.tsx';
import { useQueue } from '../features/waiting-room/use-queue.ts';
import { describeError } from '../lib/app-error.ts';
import { trpc } from '../lib/trpc.ts';

/** How long "It's your turn" stays up before the seat map opens. */
const MOVE_ON_AFTER_MS = 1_500;

const QueueBody = ({ eventId }: { eventId: string }) => {
  const event = trpc.events.get.useQuery({ id: eventId, layout: 'omit' }, { retry: 1 });
  const queue = useQueue(eventId);
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const admitted = queue.status?.state === 'ADMITTED';
  useEffect(() => {
    if (!admitted) return;
    // The event page must see the window open (its cached copy may predate the start).
    void utils.events.get.invalidate({ id: eventId });
    const timer = window.setTimeout(() => navigate(`/events/${eventId}`), MOVE_ON_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [admitted, eventId, navigate, utils]);

  const title = event.data ? `Waiting room · ${event.data.title}` : 'Waiting room';
  const back = (
    <Link
      to={`/events/${eventId}`}
      className="mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-indigo-700 hover:underline"
    >
      <span aria-hidden="true">←</span> Event details
    </Link>
  );
  if (queue.error) {
    if (queue.errorCode === 'NOT_FOUND' || queue.errorCode === 'VALIDATION')
      return (
        <Page title={title} heading="Waiting room">
          {back}
          <EmptyState
            title="No waiting room for this event right now"
            action={
              <Link to={`/events/${eventId}`} className={buttonClasses('primary')}>
                Go to the event
              </Link>
            }
          >
            {describeError(queue.error)}
          </EmptyState>
        </Page>
      );
    return (
      <Page title={title} heading="Waiting room">
        {back}
        <ErrorState
          title="We could not reach the waiting room"
          message={`${describeError(queue.error)} Your place is kept while you retry.`}
          onRetry={queue.retry}
        />
      </Page>
    );
  }
  return (
    <Page
      title={title}
      heading={event.data ? event.data.title : 'Waiting room'}
      description="Waiting room: fans are let in at the pace the sale can serve, in fair order."
    >
      {back}
      {queue.connecting ? (
        <div role="status" aria-label="Finding your place" className="grid gap-6 lg:grid-cols-3">
          <Skeleton className="h-64 rounded-2xl lg:col-span-2" />
          <Skeleton className="h-64 rounded-2xl" />
        </div>
      ) : (
        <QueueView queue={queue} eventId={eventId} />
      )}
    </Page>
  );
};

export const QueuePage = () => {
  const { id = '' } = useParams();
  return (
    <RequireSignIn title="Waiting room">
      <QueueBody eventId={id} />
    </RequireSignIn>
  );
};
