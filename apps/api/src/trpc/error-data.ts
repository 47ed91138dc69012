// Turns any error a procedure produced into the AppErrorData clients act on, in one place.
import type { TRPCError } from '@trpc/server';
import { AppErrorCode, type AppErrorData } from '@tessera/contracts/errors';
import { isAppError } from '@tessera/core/errors/app-error';

interface ValidationIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
  errors?: ValidationIssue[][];
}

const missingFields = (issues: ValidationIssue[]) =>
  issues.filter((issue) => /received undefined/.test(issue.message)).length;

/**
 * A union every branch refused reports the branch the input meant (fewest missing fields, then
 * fewest issues), e.g. "Pick at most 10 seats." rather than "Invalid input".
 */
const expandUnions = (issues: ValidationIssue[]): ValidationIssue[] =>
  issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || !issue.errors?.length) return [issue];
    const [meant] = [...issue.errors].sort(
      (a, b) => missingFields(a) - missingFields(b) || a.length - b.length,
    );
    return expandUnions(meant!).map((inner) => ({
      ...inner,
      path: [...issue.path, ...inner.path],
    }));
  });

const validationIssues = (cause: unknown): ValidationIssue[] | null => {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? expandUnions(issues as ValidationIssue[]) : null;
};

/** First message per input path ("email", "password", "tiers.0.price"), for forms. */
const firstMessagePerPath = (issues: ValidationIssue[]) => {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
};

const GENERIC_MESSAGES: Partial<Record<TRPCError['code'], [AppErrorCode, string]>> = {
  UNAUTHORIZED: [AppErrorCode.UNAUTHENTICATED, 'Sign in to continue.'],
  FORBIDDEN: [AppErrorCode.FORBIDDEN, 'You are not allowed to do that.'],
  NOT_FOUND: [AppErrorCode.NOT_FOUND, 'Not found.'],
  TOO_MANY_REQUESTS: [AppErrorCode.RATE_LIMITED, 'Too many requests. Try again shortly.'],
  PAYLOAD_TOO_LARGE: [AppErrorCode.VALIDATION, 'The request is too large.'],
  PARSE_ERROR: [AppErrorCode.VALIDATION, 'The request could not be read.'],
  METHOD_NOT_SUPPORTED: [AppErrorCode.VALIDATION, 'This procedure does not accept that method.'],
  UNSUPPORTED_MEDIA_TYPE: [
    AppErrorCode.VALIDATION,
    'Send the request body as JSON (content-type: application/json).',
  ],
  CONFLICT: [AppErrorCode.CONFLICT, 'That conflicts with the current state. Reload and try again.'],
  SERVICE_UNAVAILABLE: [
    AppErrorCode.SERVICE_UNAVAILABLE,
    'The service is busy. Try again shortly.',
  ],
};

export const toAppErrorData = (error: TRPCError): AppErrorData => {
  if (isAppError(error.cause)) return error.cause.toData();
  const issues = validationIssues(error.cause);
  if (error.code === 'BAD_REQUEST' && issues) {
    const fieldErrors = firstMessagePerPath(issues);
    return {
      code: AppErrorCode.VALIDATION,
      userMessage: issues[0]?.message ?? 'Check your input.',
      fieldErrors,
    };
  }
  if (error.code === 'BAD_REQUEST')
    return { code: AppErrorCode.VALIDATION, userMessage: error.message };
  const generic = GENERIC_MESSAGES[error.code];
  if (generic) return { code: generic[0], userMessage: generic[1] };
  // Anything unexpected: never echo internal messages to the client.
  return {
    code: AppErrorCode.INTERNAL,
    userMessage: 'Something went wrong on our side. Please try again.',
  };
};
