// The bar on every page: brand, main navigation and who is signed in.
import { Link, NavLink } from 'react-router-dom';
import { UserMenu } from '../features/auth/user-menu.tsx';
import { useSession } from '../features/auth/use-session.ts';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap ${isActive ? 'text-indigo-700' : 'text-slate-700 hover:text-slate-900'}`;

export const Header = () => {
  const { user } = useSession();
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
      <a
        href="#main"
        className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6 lg:px-8">
        <div className="flex items-center gap-4 sm:gap-8">
          <Link
            to="/events"
            className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight text-slate-900"
          >
            <span
              aria-hidden="true"
              className="flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-600 text-sm text-white"
            >
              T
            </span>
            <span className="hidden sm:inline">Tessera</span>
            <span className="sr-only sm:hidden">Tessera</span>
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1">
            <NavLink to="/events" className={navClass}>
              Events
            </NavLink>
            {user && (
              <NavLink
                to="/tickets"
                // An admin's phone header has room for the Admin link or this one: Admin wins.
                className={(state) =>
                  `${navClass(state)} ${user.role === 'ADMIN' ? 'hidden sm:inline' : ''}`
                }
              >
                My tickets
              </NavLink>
            )}
            {user?.role === 'ADMIN' && (
              <NavLink to="/admin" className={navClass}>
                Admin
              </NavLink>
            )}
          </nav>
        </div>
        <UserMenu />
      </div>
    </header>
  );
};
