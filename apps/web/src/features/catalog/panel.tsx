// A titled white card used to group the event page's sections.
import type { ReactNode } from 'react';

export const Panel = ({
  title,
  children,
  className = '',
  testId,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) => (
  <section
    className={`rounded-2xl border border-slate-200 bg-white p-5 shadow-sm ${className}`}
    aria-label={title}
    data-testid={testId}
  >
    <h2 className="mb-4 text-lg font-semibold text-slate-900">{title}</h2>
    {children}
  </section>
);
