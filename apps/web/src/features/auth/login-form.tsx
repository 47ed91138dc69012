// Sign-in form: email + password, errors beside fields, a banner for wrong credentials or rate limits.
import { ZLoginRequest } from '@tessera/contracts/auth';
import { Link } from 'react-router-dom';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { trpc } from '../../lib/trpc.ts';
import { AuthCard } from './auth-card.tsx';
import { withNext } from './safe-next.ts';
import { useAuthForm } from './use-auth-form.ts';

export const LoginForm = () => {
  const login = trpc.auth.login.useMutation();
  const { formRef, errors, onSubmit, next } = useAuthForm({
    schema: ZLoginRequest,
    submit: (values, callbacks) => login.mutate(values, callbacks),
  });
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back. Sign in to hold seats and see your tickets."
      formError={errors.form}
      footer={
        <>
          New to Tessera?{' '}
          <Link
            to={withNext('/register', next ?? '')}
            className="font-semibold text-indigo-700 hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Sign in">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          error={errors.fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.fields.password}
        />
        <Button type="submit" className="w-full" pending={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </AuthCard>
  );
};
