// CSRF defence for mutations: browsers always send Sec-Fetch-Site and/or Origin on cross-site
// requests, so refusing foreign values is enough; callers that send neither (k6, servers) are not browsers.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';
import type { RequestInfo } from './context.ts';

const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

const refuse = () =>
  new AppError(AppErrorCode.CSRF_REJECTED, {
    message: 'Cross-site mutation refused',
    userMessage:
      'This request came from another site and was refused. Reload the page and try again.',
  });

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

export const assertSameOriginMutation = ({
  request,
  allowedOrigins,
}: {
  request: RequestInfo;
  allowedOrigins: string[];
}) => {
  const { secFetchSite, origin, host } = request;
  if (secFetchSite !== null && !ALLOWED_FETCH_SITES.has(secFetchSite.toLowerCase())) throw refuse();
  if (origin === null) return;
  if (allowedOrigins.includes(origin)) return;
  if (host !== null && hostOf(origin) === host.toLowerCase()) return;
  throw refuse();
};
