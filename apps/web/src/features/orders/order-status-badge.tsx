// An order's status as a coloured pill.
import type { OrderSummary } from '@tessera/contracts/orders';

const STATUS: Record<OrderSummary['status'], { label: string; className: string }> = {
  CONFIRMED: { label: 'Confirmed', className: 'bg-emerald-50 text-emerald-800 ring-emerald-200' },
  PENDING: { label: 'Processing', className: 'bg-sky-50 text-sky-800 ring-sky-200' },
  REFUNDED: { label: 'Refunded', className: 'bg-amber-50 text-amber-900 ring-amber-200' },
  CANCELLED: { label: 'Cancelled', className: 'bg-slate-100 text-slate-700 ring-slate-200' },
};

export const OrderStatusBadge = ({ status }: { status: OrderSummary['status'] }) => (
  <span
    className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS[status].className}`}
  >
    {STATUS[status].label}
  </span>
);
