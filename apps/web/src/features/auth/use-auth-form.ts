// Shared behaviour of the sign-in and registration forms: validate with the contract, submit,
// show errors beside fields, focus the first invalid one, and go back where the user came from.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { trpc } from '../../lib/trpc.ts';
import { fromIssues, fromServerError, NO_ERRORS, type FormErrors } from './form-errors.ts';
import { safeNext } from './safe-next.ts';

/** The slice of a zod schema this hook needs (zod itself is a dependency of the contracts). */
interface Schema<T> {
  safeParse: (
    data: unknown,
  ) =>
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

interface UseAuthFormOptions<T> {
  schema: Schema<T>;
  submit: (
    values: T,
    callbacks: { onSuccess: () => void; onError: (error: unknown) => void },
  ) => void;
}

export const useAuthForm = <T>({ schema, submit }: UseAuthFormOptions<T>) => {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const onSuccess = () => {
    void utils.auth.me
      .invalidate()
      .then(() => navigate(safeNext(params.get('next')), { replace: true }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setErrors(fromIssues(parsed.error.issues));
      return;
    }
    setErrors(NO_ERRORS);
    submit(parsed.data, { onSuccess, onError: (error) => setErrors(fromServerError(error)) });
  };

  return { formRef, errors, onSubmit, next: params.get('next') };
};
