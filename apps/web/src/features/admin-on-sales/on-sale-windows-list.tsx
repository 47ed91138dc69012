// The event's windows as cards (they stack on a phone): settings, status and the controls the
// status allows — pause, resume, end now, cancel, each confirmed — plus an inline edit form.
import type { AdminOnSaleWindow } from '@tessera/contracts/on-sales';
import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { describeError } from '../../lib/app-error.ts';
import { trpc } from '../../lib/trpc.ts';
import { ConfirmDialog } from '../admin/confirm-dialog.tsx';
import { OnSaleForm } from './on-sale-form.tsx';
import { WindowStatusBadge } from './window-status.tsx';

type Control = 'pause' | 'resume' | 'end' | 'cancel';

const CONTROLS: Record<
  Control,
  { label: string; title: string; body: string; done: string; danger: boolean }
> = {
  pause: {
    label: 'Pause',
    title: 'Pause this window?',
    body: 'Nobody new is let in and holds are refused until you resume; fans keep their places in the queue.',
    done: 'paused',
    danger: false,
  },
  resume: {
    label: 'Resume',
    title: 'Resume this window?',
    body: 'Fans are let in again and can hold seats.',
    done: 'resumed',
    danger: false,
  },
  end: {
    label: 'End now',
    title: 'End this window now?',
    body: 'The sale in this window stops for good and everyone still waiting is told it has ended. This cannot be undone.',
    done: 'ended',
    danger: true,
  },
  cancel: {
    label: 'Cancel window',
    title: 'Cancel this window?',
    body: 'It will not open. This cannot be undone; schedule a new window instead.',
    done: 'cancelled',
    danger: true,
  },
};

const ALLOWED: Record<AdminOnSaleWindow['status'], Control[]> = {
  SCHEDULED: ['cancel'],
  OPEN: ['pause', 'end'],
  PAUSED: ['resume', 'end'],
  ENDED: [],
  CANCELLED: [],
};

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    Date.parse(iso),
  );

const admission = (w: AdminOnSaleWindow) => {
  if (!w.waitingRoomEnabled) return 'No waiting room';
  if (w.admissionMode === 'PACE')
    return `Waiting room · ${w.admissionRatePerMinute ?? '?'} fans/min`;
  if (w.admissionMode === 'CAP')
    return `Waiting room · at most ${w.maxActiveShoppers ?? '?'} shoppers`;
  return `Waiting room · inventory-aware${w.admissionRatePerMinute ? `, ≤ ${w.admissionRatePerMinute}/min` : ''}`;
};

const WindowCard = ({ window }: { window: AdminOnSaleWindow }) => {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState<Control | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => utils.admin.onSales.list.invalidate({ eventId: window.eventId });
  const onDone = (action: Control) => async () => {
    setOpen(null);
    setNotice(`“${window.name}” is ${CONTROLS[action].done}.`);
    await refresh();
  };
  const mutations = {
    pause: trpc.admin.onSales.pause.useMutation({ onSuccess: onDone('pause') }),
    resume: trpc.admin.onSales.resume.useMutation({ onSuccess: onDone('resume') }),
    end: trpc.admin.onSales.end.useMutation({ onSuccess: onDone('end') }),
    cancel: trpc.admin.onSales.cancel.useMutation({ onSuccess: onDone('cancel') }),
  };
  const update = trpc.admin.onSales.update.useMutation({
    onSuccess: async () => {
      setEditing(false);
      setNotice('Changes saved.');
      await refresh();
    },
  });
  const start = (action: Control) => {
    mutations[action].reset();
    setNotice(null);
    setOpen(action);
  };
  const editable = window.status !== 'ENDED' && window.status !== 'CANCELLED';
  return (
    <li
      data-testid="on-sale-window"
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      {/* First: closed dialogs take no space, so space-y leaves no gap under the last line. */}
      {(Object.keys(CONTROLS) as Control[]).map((action) => (
        <ConfirmDialog
          key={action}
          open={open === action}
          title={CONTROLS[action].title}
          confirmLabel={CONTROLS[action].label}
          danger={CONTROLS[action].danger}
          pending={mutations[action].isPending}
          error={mutations[action].error ? describeError(mutations[action].error) : null}
          onConfirm={() => mutations[action].mutate({ id: window.id })}
          onClose={() => setOpen(null)}
        >
          “{window.name}”: {CONTROLS[action].body}
        </ConfirmDialog>
      ))}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
            {window.name} <WindowStatusBadge status={window.status} />
            {window.presaleCode && (
              <span className="rounded-full bg-fuchsia-50 px-2 py-0.5 text-xs font-semibold text-fuchsia-800 ring-1 ring-fuchsia-200 ring-inset">
                Presale · {window.presaleCode}
              </span>
            )}
          </h3>
          <p className="mt-1 text-sm text-slate-700">
            {when(window.startsAt)} → {when(window.endsAt)}
          </p>
          <p className="text-sm text-slate-600">
            {admission(window)}
            {window.preQueueOpensAt && ` · pre-queue from ${when(window.preQueueOpensAt)}`} ·{' '}
            {window.perFanSeatLimit} seats per fan · {Math.round(window.shopperSessionSeconds / 60)}{' '}
            min sessions
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {ALLOWED[window.status].map((action) => (
            <Button
              key={action}
              variant="secondary"
              className={CONTROLS[action].danger ? 'text-red-700' : ''}
              onClick={() => start(action)}
            >
              {CONTROLS[action].label}
            </Button>
          ))}
          {editable && !editing && (
            <Button
              variant="ghost"
              onClick={() => {
                update.reset();
                setNotice(null);
                setEditing(true);
              }}
            >
              Edit
            </Button>
          )}
        </div>
      </div>
      {notice && (
        <p
          role="status"
          data-testid="window-action-result"
          className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {notice}
        </p>
      )}
      {editing && (
        <OnSaleForm
          eventId={window.eventId}
          window={window}
          pending={update.isPending}
          serverError={update.error}
          onSubmit={(submit) =>
            submit.kind === 'update' && update.mutate({ id: window.id, changes: submit.changes })
          }
          onCancel={() => setEditing(false)}
        />
      )}
    </li>
  );
};

export const OnSaleWindowsList = ({ windows }: { windows: AdminOnSaleWindow[] }) => (
  <ol aria-label="On-sale windows" className="space-y-3">
    {[...windows]
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .map((window) => (
        <WindowCard key={window.id} window={window} />
      ))}
  </ol>
);
