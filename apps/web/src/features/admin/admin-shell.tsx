// The admin console's frame: a heading, the Events / Orders / Venues tabs and the page's own content.
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { Page } from '../../components/page.tsx';
import { RequireAdmin } from './require-admin.tsx';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-semibold ${isActive ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`;

interface AdminShellProps {
  title: string;
  heading: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

export const AdminShell = ({ title, heading, actions, children }: AdminShellProps) => (
  <RequireAdmin title={title}>
    <Page title={`${title} · Admin`}>
      <nav aria-label="Admin" className="mb-5 flex items-center gap-2">
        <span className="mr-2 text-xs font-bold tracking-wider text-slate-500 uppercase">
          Admin
        </span>
        <NavLink to="/admin/events" className={tabClass}>
          Events
        </NavLink>
        <NavLink to="/admin/orders" className={tabClass}>
          Orders
        </NavLink>
        <NavLink to="/admin/venues" className={tabClass}>
          Venues
        </NavLink>
      </nav>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{heading}</h1>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {children}
    </Page>
  </RequireAdmin>
);
