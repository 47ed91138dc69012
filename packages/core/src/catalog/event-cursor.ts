// Opaque keyset cursor over (startsAt, id): base64url of "<ISO start>|<uuid>".
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';

export interface EventCursor {
  startsAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const encodeEventCursor = ({ startsAt, id }: EventCursor): string =>
  Buffer.from(`${startsAt.toISOString()}|${id}`, 'utf8').toString('base64url');

export const decodeEventCursor = (cursor: string): EventCursor => {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startsAt = new Date(iso ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(startsAt.getTime())) {
    throw new AppError(AppErrorCode.VALIDATION, {
      userMessage: 'This list link has expired. Start again from the first page.',
      fieldErrors: { cursor: 'Invalid cursor.' },
    });
  }
  return { startsAt, id };
};
