// Header corner: sign-in links for visitors; name, admin badge and sign-out for members.
import { Link, useLocation } from 'react-router-dom';
import { Button, buttonClasses } from '../../components/button.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { withNext } from './safe-next.ts';
import { useSession, useSignOut } from './use-session.ts';

export const UserMenu = () => {
  const { user, isLoading } = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

  if (isLoading) return <Skeleton className="h-9 w-32" />;
  if (!user) {
    return (
      <div className="flex items-center gap-1 sm:gap-2">
        <Link to={withNext('/login', here)} className={buttonClasses('ghost', 'px-3')}>
          Sign in
        </Link>
        <Link to={withNext('/register', here)} className={buttonClasses('primary', 'px-3')}>
          Create account
        </Link>
      </div>
    );
  }
  return (
    <div className="flex min-w-0 items-center gap-2 sm:gap-3">
      <span className="flex min-w-0 items-center gap-2 text-sm" data-testid="signed-in-user">
        <span
          aria-hidden="true"
          className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-indigo-100 font-semibold text-indigo-700"
        >
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="truncate font-medium text-slate-900" title={user.name}>
          {/* On a phone the initial stands in for the name, leaving room for the navigation. */}
          <span className="sr-only sm:not-sr-only">{user.name}</span>
        </span>
        {user.role === 'ADMIN' && (
          <span className="hidden shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 sm:inline">
            Admin
          </span>
        )}
      </span>
      <Button
        variant="secondary"
        className="shrink-0 px-3"
        pending={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        Sign out
      </Button>
    </div>
  );
};
