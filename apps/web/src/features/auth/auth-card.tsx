// The framed card that holds the sign-in and registration forms, with the form-level error banner.
import type { ReactNode } from 'react';

interface AuthCardProps {
  title: string;
  subtitle: ReactNode;
  formError: string | null;
  children: ReactNode;
  footer: ReactNode;
}

export const AuthCard = ({ title, subtitle, formError, children, footer }: AuthCardProps) => (
  <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
    <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
    <p className="mt-1 text-sm text-slate-600">{subtitle}</p>
    <div aria-live="assertive">
      {formError && (
        <p
          role="alert"
          data-testid="form-error"
          className="mt-5 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm font-medium text-red-800"
        >
          {formError}
        </p>
      )}
    </div>
    <div className="mt-6">{children}</div>
    <div className="mt-6 border-t border-slate-100 pt-5 text-center text-sm text-slate-600">
      {footer}
    </div>
  </div>
);
