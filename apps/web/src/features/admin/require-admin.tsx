// Admin pages: visitors sign in first; signed-in fans see a "not allowed" page (the server
// refuses every admin procedure anyway: this only keeps the screens out of their way).
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { buttonClasses } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { withNext } from '../auth/safe-next.ts';
import { useSession } from '../auth/use-session.ts';

export const RequireAdmin = ({ title, children }: { title: string; children: ReactNode }) => {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading)
    return (
      <Page title={title}>
        <div role="status" aria-label="Loading">
          <Skeleton className="h-64 rounded-2xl" />
        </div>
      </Page>
    );
  if (!user)
    return <Navigate to={withNext('/login', `${location.pathname}${location.search}`)} replace />;
  if (user.role !== 'ADMIN')
    return (
      <Page title="Not allowed">
        <EmptyState
          title="This page is for administrators"
          action={
            <Link to="/events" className={buttonClasses('primary')}>
              Back to events
            </Link>
          }
        >
          You are signed in as {user.email}, which is not an administrator account.
        </EmptyState>
      </Page>
    );
  return children;
};
