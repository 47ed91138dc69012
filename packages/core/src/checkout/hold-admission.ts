// The waiting-room side of holds.create: the admission token's signature is verified here in Node
// (no Redis, no Postgres); the hold script then decides from the event's gate and Redis time whether
// a token is needed and whether these claims are in force. Refusals say how to get in line.
import type { AdmissionClaims } from '@tessera/contracts/waiting-room';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { HoldRefusedError } from '../holds/hold-refusal.ts';
import { verifyAdmissionToken } from '../waiting-room/admission-token.ts';

/** A genuine token presented by someone it was not issued to (or for another event). */
export interface RefusedToken {
  userId: string;
  eventId: string;
  /** Who and what the token was issued for. */
  issuedTo: { userId: string; eventId: string; windowId: string };
  reason: 'OTHER_USER' | 'OTHER_EVENT';
}

export const queuePath = (eventId: string) => `/events/${eventId}/queue`;

const refuse = (eventId: string, why: string) =>
  new AppError(AppErrorCode.ADMISSION_REQUIRED, {
    userMessage: `${why} Join the waiting room at ${queuePath(eventId)} and you will be let in on your turn.`,
  });

/**
 * The token's claims when it is ours and names this fan and event; null without a token. A forged
 * token, or another fan's, is refused here before any Redis work.
 */
export const checkAdmissionToken = ({
  secret,
  token,
  userId,
  eventId,
  onRefusedToken,
}: {
  secret: string;
  token: string | undefined;
  userId: string;
  eventId: string;
  onRefusedToken?: (refused: RefusedToken) => void;
}): AdmissionClaims | null => {
  if (token === undefined) return null;
  const claims = verifyAdmissionToken(secret, token);
  if (!claims) throw refuse(eventId, 'That admission pass is not valid.');
  if (claims.userId === userId && claims.eventId === eventId) return claims;
  const reason = claims.userId !== userId ? 'OTHER_USER' : 'OTHER_EVENT';
  onRefusedToken?.({
    userId,
    eventId,
    issuedTo: { userId: claims.userId, eventId: claims.eventId, windowId: claims.windowId },
    reason,
  });
  throw refuse(
    eventId,
    reason === 'OTHER_USER'
      ? 'That admission pass belongs to another account.'
      : 'That admission pass is for another event.',
  );
};

// Reasons the hold scripts give with ADMISSION_REQUIRED (holds/lua/includes/hold-rules.lua).
const SCRIPT_REASONS: Record<string, string> = {
  '1': 'This sale runs a waiting room, so seats can be held only once it is your turn.',
  '2': 'Your admission pass is not for the sale running now.',
  '3': 'That admission pass belongs to another account.',
  '4': 'That admission pass is for another event.',
  '5': 'Your shopping time has run out.',
  '6': 'Your admission pass was already used for an order.',
};

/** An AppError naming why the script refused admission, or null for other refusals. */
export const explainAdmissionRefusal = (error: unknown, eventId: string): AppError | null => {
  if (!(error instanceof HoldRefusedError) || error.refusal !== 'ADMISSION_REQUIRED') return null;
  const reason = /\((\d+)\)$/.exec(error.message)?.[1] ?? '1';
  return refuse(eventId, SCRIPT_REASONS[reason] ?? SCRIPT_REASONS['1']!);
};
