// An event's status (draft, on sale, cancelled) as a coloured pill.
import type { AdminEventDetail } from '@tessera/contracts/admin';

const STATUS: Record<AdminEventDetail['status'], { label: string; className: string }> = {
  DRAFT: { label: 'Draft', className: 'bg-slate-100 text-slate-700 ring-slate-200' },
  PUBLISHED: { label: 'Published', className: 'bg-emerald-50 text-emerald-800 ring-emerald-200' },
  CANCELLED: { label: 'Cancelled', className: 'bg-red-50 text-red-800 ring-red-200' },
};

export const EventStatusBadge = ({ status }: { status: AdminEventDetail['status'] }) => (
  <span
    data-testid="event-status"
    className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${STATUS[status].className}`}
  >
    {STATUS[status].label}
  </span>
);
