// A friendly "nothing here" panel with an optional way forward.
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

export const EmptyState = ({ title, children, action }: EmptyStateProps) => (
  <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
    <div
      aria-hidden="true"
      className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-indigo-50 text-2xl text-indigo-600"
    >
      ◎
    </div>
    <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
    {children && <div className="mx-auto mt-2 max-w-md text-sm text-slate-600">{children}</div>}
    {action && <div className="mt-6">{action}</div>}
  </div>
);
