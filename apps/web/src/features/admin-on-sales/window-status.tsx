// Status words and colours of an on-sale window, shared by the timeline, its legend and the list.
import type { OnSaleStatus } from '@tessera/contracts/on-sales';

export const STATUS_LABEL: Record<OnSaleStatus, string> = {
  SCHEDULED: 'Scheduled',
  OPEN: 'Open',
  PAUSED: 'Paused',
  ENDED: 'Ended',
  CANCELLED: 'Cancelled',
};

/** Bar fill on the timeline. */
export const STATUS_BAR: Record<OnSaleStatus, string> = {
  SCHEDULED: 'bg-indigo-500',
  OPEN: 'bg-emerald-500',
  PAUSED: 'bg-amber-400',
  ENDED: 'bg-slate-400',
  CANCELLED: 'bg-red-200',
};

const BADGE: Record<OnSaleStatus, string> = {
  SCHEDULED: 'bg-indigo-50 text-indigo-800 ring-indigo-200',
  OPEN: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  PAUSED: 'bg-amber-50 text-amber-900 ring-amber-300',
  ENDED: 'bg-slate-100 text-slate-700 ring-slate-300',
  CANCELLED: 'bg-red-50 text-red-800 ring-red-200',
};

export const WindowStatusBadge = ({ status }: { status: OnSaleStatus }) => (
  <span
    data-testid="window-status"
    className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${BADGE[status]}`}
  >
    {STATUS_LABEL[status]}
  </span>
);
