// What pino must never print, shared by the API and the worker: session cookies, authorization
// headers, passwords, admission and session tokens, signed ticket ids, card data and secrets, at
// any depth up to four levels (a request's headers, a procedure's input, a job's data).
const SECRET_KEYS = [
  'cookie',
  'set-cookie',
  'authorization',
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'sessionToken',
  'admissionToken',
  'signedId',
  'signature',
  'cardNumber',
  'cvc',
  'secret',
  'ticketSigningSecret',
  'admissionTokenSecret',
] as const;

const MAX_DEPTH = 4;

const pathsOf = (key: string): string[] => {
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  const paths: string[] = [];
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    const parents = Array.from({ length: depth }, () => '*').join('.');
    if (plain) paths.push(parents ? `${parents}.${key}` : key);
    else if (parents) paths.push(`${parents}["${key}"]`);
  }
  return paths;
};

export const LOG_REDACT_CENSOR = '[redacted]';

/** pino's `redact` option. */
export const logRedaction = {
  paths: SECRET_KEYS.flatMap(pathsOf),
  censor: LOG_REDACT_CENSOR,
};
