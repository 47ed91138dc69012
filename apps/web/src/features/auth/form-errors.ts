// Turns client-side zod issues and server AppErrors into one shape: messages per field + one for the form.
import { describeError, readAppError } from '../../lib/app-error.ts';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** First message per top-level field, as the user fixes one thing at a time. */
export const fromIssues = (issues: readonly Issue[]): FormErrors => {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !(key in fields)) fields[key] = issue.message;
  }
  return { fields, form: null };
};

/** Field messages go beside their inputs; anything else (wrong password, rate limit) heads the form. */
export const fromServerError = (error: unknown): FormErrors => {
  const fields = readAppError(error)?.fieldErrors ?? {};
  return Object.keys(fields).length > 0
    ? { fields, form: null }
    : { fields: {}, form: describeError(error) };
};

export const hasErrors = (errors: FormErrors) =>
  errors.form !== null || Object.keys(errors.fields).length > 0;
