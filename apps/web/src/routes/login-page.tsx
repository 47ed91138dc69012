// /login: the sign-in form; signed-in visitors go straight on to where they were heading.
import { Navigate, useSearchParams } from 'react-router-dom';
import { Page } from '../components/page.tsx';
import { LoginForm } from '../features/auth/login-form.tsx';
import { safeNext } from '../features/auth/safe-next.ts';
import { useSession } from '../features/auth/use-session.ts';

export const LoginPage = () => {
  const { user } = useSession();
  const [params] = useSearchParams();
  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <Page title="Sign in" width="narrow">
      <LoginForm />
    </Page>
  );
};
