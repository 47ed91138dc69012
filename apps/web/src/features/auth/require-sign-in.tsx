// Pages for signed-in fans only: visitors go to sign in and come back here afterwards.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Page } from '../../components/page.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { withNext } from './safe-next.ts';
import { useSession } from './use-session.ts';

export const RequireSignIn = ({ title, children }: { title: string; children: ReactNode }) => {
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
  return children;
};
