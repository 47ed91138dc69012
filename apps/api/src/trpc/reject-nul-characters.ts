// Postgres text cannot hold U+0000: a NUL anywhere in a procedure's input is refused as a
// validation error up front, instead of failing inside the driver with a 500 (found by fuzzing).
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';

const MAX_DEPTH = 32;

const hasNul = (value: unknown, depth = 0): boolean => {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasNul(item, depth + 1));
  return Object.entries(value).some(
    ([key, item]) => key.includes('\u0000') || hasNul(item, depth + 1),
  );
};

export const assertNoNulCharacters = (input: unknown) => {
  if (!hasNul(input)) return;
  throw new AppError(AppErrorCode.VALIDATION, {
    message: 'Input contains a NUL character',
    userMessage: 'Text cannot contain NUL characters.',
  });
};
