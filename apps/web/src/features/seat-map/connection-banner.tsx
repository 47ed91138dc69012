// Says when the live seat map is loading, has lost its connection, or has caught up again.
import type { LiveConnection } from './use-live-seats.ts';

const LOOK = {
  connecting: 'text-slate-600',
  reconnecting: 'rounded-lg border border-amber-300 bg-amber-50 px-3 py-1.5 text-amber-900',
  resynced: 'rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-1.5 text-emerald-900',
  live: 'text-slate-600',
};

export const ConnectionBanner = ({
  connection,
  resynced,
}: {
  connection: LiveConnection;
  resynced: boolean;
}) => {
  const shown = resynced ? 'resynced' : connection;
  const text = {
    connecting: 'Loading live seat map…',
    reconnecting: 'Reconnecting to live seat map…',
    resynced: 'Seat map resynced',
    live: 'Seats update live',
  }[shown];
  return (
    // Always mounted, so the change of text is announced.
    <p
      role="status"
      data-testid="seat-map-connection"
      data-state={shown}
      className={`mr-auto text-xs font-medium ${LOOK[shown]}`}
    >
      {shown === 'live' && (
        <span
          aria-hidden="true"
          className="mr-1.5 inline-block h-2 w-2 rounded-full bg-emerald-500 align-middle"
        />
      )}
      {text}
    </p>
  );
};
