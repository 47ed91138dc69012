// Where to go after signing in: only same-site paths, so ?next= cannot send users elsewhere.
const FALLBACK = '/events';

export const safeNext = (raw: string | null | undefined): string => {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\'))
    return FALLBACK;
  if (raw.startsWith('/login') || raw.startsWith('/register')) return FALLBACK;
  return raw;
};

/** A link to an auth page that remembers the current location. */
export const withNext = (path: '/login' | '/register', next: string) => {
  const target = safeNext(next);
  return target === FALLBACK ? path : `${path}?next=${encodeURIComponent(target)}`;
};
