// Registration form: name, email, password (rules shown up front), errors beside fields.
import { ZRegisterRequest } from '@tessera/contracts/auth';
import { Link } from 'react-router-dom';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { trpc } from '../../lib/trpc.ts';
import { AuthCard } from './auth-card.tsx';
import { withNext } from './safe-next.ts';
import { useAuthForm } from './use-auth-form.ts';

export const RegisterForm = () => {
  const register = trpc.auth.register.useMutation();
  const { formRef, errors, onSubmit, next } = useAuthForm({
    schema: ZRegisterRequest,
    submit: (values, callbacks) => register.mutate(values, callbacks),
  });
  return (
    <AuthCard
      title="Create your account"
      subtitle="One account for every event on Tessera."
      formError={errors.form}
      footer={
        <>
          Already have an account?{' '}
          <Link
            to={withNext('/login', next ?? '')}
            className="font-semibold text-indigo-700 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={onSubmit}
        className="space-y-5"
        aria-label="Create account"
      >
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          error={errors.fields.name}
        />
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
          autoComplete="new-password"
          required
          hint="At least 10 characters, with a letter and a digit."
          error={errors.fields.password}
        />
        <Button type="submit" className="w-full" pending={register.isPending}>
          {register.isPending ? 'Creating account…' : 'Create account'}
        </Button>
      </form>
    </AuthCard>
  );
};
