// The waiting room as the fan sees it: where they are, how long it may take, what happens next,
// and the state of the sale (pre-queue countdown, paused, sold out, ended), all from the server.
import type { QueueStatus } from '@tessera/contracts/waiting-room';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, buttonClasses } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatCount } from '../../lib/format.ts';
import { LotteryPanel } from './lottery-panel.tsx';
import { formatClock, formatEta, queueProgress } from './queue-format.ts';
import type { QueueState } from './use-queue.ts';
import { useMsUntil } from './use-clock.ts';

const Card = ({
  tone = 'plain',
  children,
}: {
  tone?: 'plain' | 'good' | 'warn' | 'done';
  children: ReactNode;
}) => {
  const tones = {
    plain: 'border-slate-200 bg-white',
    good: 'border-emerald-300 bg-emerald-50',
    warn: 'border-amber-300 bg-amber-50',
    done: 'border-slate-300 bg-slate-50',
  };
  return (
    <div
      className={`rounded-2xl border p-5 shadow-sm sm:p-8 ${tones[tone]}`}
      data-testid="queue-card"
    >
      {children}
    </div>
  );
};

const Title = ({ children }: { children: ReactNode }) => (
  <h2 className="text-xl font-bold text-slate-900 sm:text-2xl">{children}</h2>
);

const Countdown = ({ label, ms }: { label: string; ms: number }) => (
  <p className="mt-4 text-slate-700">
    {label}{' '}
    <span role="timer" className="font-mono text-2xl font-bold text-slate-900 tabular-nums">
      {formatClock(ms)}
    </span>
  </p>
);

const ProgressBar = ({ value }: { value: number }) => (
  <div
    role="progressbar"
    aria-label="Progress to the front of the queue"
    aria-valuemin={0}
    aria-valuemax={100}
    aria-valuenow={Math.round(value * 100)}
    className="mt-6 h-3 w-full overflow-hidden rounded-full bg-slate-200"
  >
    <div
      className="h-full rounded-full bg-indigo-600 transition-[width] duration-700"
      style={{ width: `${Math.max(3, value * 100)}%` }}
    />
  </div>
);

const Waiting = ({
  status,
  firstPosition,
}: {
  status: QueueStatus;
  firstPosition: number | null;
}) => {
  const position = status.position ?? 1;
  return (
    <Card>
      <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">
        You are in the queue
      </p>
      <div className="mt-2 flex flex-wrap items-end gap-x-8 gap-y-3">
        <div>
          <p className="text-sm text-slate-600">Your place</p>
          <p
            className="text-5xl font-bold text-slate-900 tabular-nums"
            data-testid="queue-position"
          >
            {formatCount(position)}
          </p>
        </div>
        <div>
          <p className="text-sm text-slate-600">People ahead of you</p>
          <p
            className="text-3xl font-semibold text-slate-900 tabular-nums"
            data-testid="queue-ahead"
          >
            {formatCount(status.ahead ?? 0)}
          </p>
        </div>
        <div>
          <p className="text-sm text-slate-600">Estimated wait</p>
          <p className="text-3xl font-semibold text-slate-900" data-testid="queue-eta">
            {status.etaSeconds ? formatEta(status.etaSeconds) : 'working it out…'}
          </p>
        </div>
      </div>
      <ProgressBar value={queueProgress(firstPosition ?? position, position)} />
      {status.returned && (
        <p className="mt-4 rounded-lg bg-emerald-100 px-3 py-2 text-sm text-emerald-900">
          Welcome back: you kept your place and will be let in at the next step.
        </p>
      )}
      <p className="mt-4 text-sm text-slate-600">
        The estimate follows how fast fans are being let in right now, so it can move both ways.
      </p>
    </Card>
  );
};

const StateCard = ({ queue, eventId }: { queue: QueueState; eventId: string }) => {
  const { status } = queue;
  const startsIn = useMsUntil(status?.window.startsAt ?? null, queue.clockOffsetMs);
  const opensAt = status ? (status.window.preQueueOpensAt ?? status.window.startsAt) : null;
  const opensIn = useMsUntil(opensAt, queue.clockOffsetMs);
  const sessionEndsIn = useMsUntil(status?.admission?.expiresAt ?? null, queue.clockOffsetMs);
  const eventLink = (label: string, primary = false) => (
    <Link
      to={`/events/${eventId}`}
      className={buttonClasses(primary ? 'primary' : 'secondary', 'mt-6')}
    >
      {label}
    </Link>
  );
  if (!status) return null;
  switch (status.state) {
    case 'NOT_JOINED':
      return (
        <Card>
          <Title>
            {opensIn !== null && opensIn > 0 ? 'The queue opens soon' : 'Getting you a place…'}
          </Title>
          {opensIn !== null && opensIn > 0 ? (
            <Countdown label="The queue opens in" ms={opensIn} />
          ) : (
            <p className="mt-4 flex items-center gap-2 text-slate-700">
              <Spinner size="sm" /> Joining the queue.
            </p>
          )}
          <p className="mt-3 text-sm text-slate-600">
            Keep this page open: you join automatically when it opens.
          </p>
          {queue.joinError && (
            <div role="alert" className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              {describeError(queue.joinError)}{' '}
              <Button
                variant="secondary"
                className="mt-2"
                onClick={queue.join}
                pending={queue.joining}
              >
                Try again
              </Button>
            </div>
          )}
        </Card>
      );
    case 'PRE_QUEUE':
      return (
        <Card>
          <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">
            You are in the pre-queue
          </p>
          <Title>The sale has not started yet</Title>
          {startsIn !== null && <Countdown label="Sale starts in" ms={startsIn} />}
          <p className="mt-3 text-slate-700" data-testid="prequeue-size">
            {formatCount(status.total)} {status.total === 1 ? 'fan is' : 'fans are'} in the
            pre-queue. At the start, everyone here gets a random place by the draw below, ahead of
            anyone who arrives later.
          </p>
        </Card>
      );
    case 'WAITING':
      return <Waiting status={status} firstPosition={queue.firstPosition} />;
    case 'ADMITTED':
      return (
        <Card tone="good">
          <Title>It’s your turn!</Title>
          <p className="mt-3 text-slate-800">
            Taking you to the seat map. Choose your seats and check out before your shopping time
            ends.
          </p>
          {sessionEndsIn !== null && <Countdown label="Shopping time left" ms={sessionEndsIn} />}
          {eventLink('Choose seats now', true)}
        </Card>
      );
    case 'PAUSED':
      return (
        <Card tone="warn">
          <Title>The sale is paused</Title>
          <p className="mt-3 text-slate-800">
            The organiser paused admissions for a moment. You keep your place; this page updates by
            itself when it resumes.
          </p>
          {status.position !== null && (
            <p className="mt-2 text-slate-700">Your place: {formatCount(status.position)}</p>
          )}
        </Card>
      );
    case 'SOLD_OUT':
      return (
        <Card tone="done">
          <Title>Sold out</Title>
          <p className="mt-3 text-slate-700">
            Every seat in this sale is sold or being bought, so nobody else can be let in. Sorry,
            and thank you for waiting. Seats released later appear on the event page.
          </p>
          {eventLink('Back to the event')}
        </Card>
      );
    case 'EXPIRED':
      return (
        <Card tone="done">
          <Title>Your shopping time has ended</Title>
          <p className="mt-3 text-slate-700">
            Your turn came and your shopping session is over (or your order is complete). Orders you
            placed are in My tickets.
          </p>
          <Link to="/tickets" className={buttonClasses('secondary', 'mt-6')}>
            My tickets
          </Link>
        </Card>
      );
    case 'ENDED':
      return (
        <Card tone="done">
          <Title>This sale has ended</Title>
          <p className="mt-3 text-slate-700">Check the event page for later sale dates.</p>
          {eventLink('Back to the event')}
        </Card>
      );
  }
};

const NEXT_STEPS = [
  'Keep this page open. It updates by itself; there is no need to refresh (refreshing never loses your place).',
  'If you close it for more than about a minute, fans behind you go ahead; come back and you get your place back.',
  'When it is your turn you are taken to the seat map with a timer to choose seats and pay.',
];

export const QueueView = ({ queue, eventId }: { queue: QueueState; eventId: string }) => (
  <div className="grid gap-6 lg:grid-cols-3">
    <div className="space-y-4 lg:col-span-2">
      {queue.reconnecting && (
        <p
          role="status"
          className="flex items-center gap-2 rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-900"
        >
          <Spinner size="sm" /> Connection lost, reconnecting… Your place is kept.
        </p>
      )}
      <div aria-live="polite">
        <StateCard queue={queue} eventId={eventId} />
      </div>
      {queue.status && (
        <p className="text-sm text-slate-600">
          {queue.status.window.name} · {formatCount(queue.status.total)} waiting
        </p>
      )}
    </div>
    <aside className="space-y-6">
      <section
        aria-labelledby="next-heading"
        className="rounded-2xl border border-slate-200 bg-white p-5"
      >
        <h2 id="next-heading" className="text-base font-semibold text-slate-900">
          What happens next
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm text-slate-700">
          {NEXT_STEPS.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      {queue.status?.lotteryCommitment && (
        <div className="rounded-2xl border border-slate-200 bg-white p-5">
          <LotteryPanel
            commitment={queue.status.lotteryCommitment}
            seed={queue.status.lotterySeed}
          />
        </div>
      )}
    </aside>
  </div>
);
