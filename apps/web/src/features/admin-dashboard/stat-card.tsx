// One figure of the dashboard: a label, the value, an optional hint and live chart.
import type { ReactNode } from 'react';

interface StatCardProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'normal' | 'good' | 'bad';
  children?: ReactNode;
}

const TONE = { normal: 'text-slate-900', good: 'text-emerald-700', bad: 'text-rose-700' };

export const StatCard = ({ label, value, hint, tone = 'normal', children }: StatCardProps) => (
  <section
    aria-label={label}
    className="flex min-w-0 flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
  >
    <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</h3>
    <p className={`text-2xl font-bold tabular-nums ${TONE[tone]}`} data-testid={`stat-${label}`}>
      {value}
    </p>
    {hint && <p className="text-xs text-slate-500">{hint}</p>}
    {children && <div className="mt-2">{children}</div>}
  </section>
);

export const CardGrid = ({ children }: { children: ReactNode }) => (
  <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
);

export const SectionHeading = ({ children }: { children: ReactNode }) => (
  <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">{children}</h2>
);
