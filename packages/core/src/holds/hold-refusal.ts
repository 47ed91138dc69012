// Turns the scripts' numeric refusals into AppErrors: the one place a status code gets a meaning.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { LuaReply } from './lua-scripts.ts';

/** Negative statuses the seat-state scripts return (see each lua/*.lua header). */
export const HoldRefusal = {
  SEAT_TAKEN: -1,
  HOLD_LIMIT_REACHED: -2,
  HOLD_EXPIRED: -3,
  NOT_FOUND: -4,
  ADMISSION_REQUIRED: -5,
  STRANDED_SEAT: -6,
  EVENT_NOT_LOADED: -7,
  NO_ADJACENT_SEATS: -8,
  ALREADY_EXTENDED: -9,
  ALREADY_SOLD: -10,
  DUPLICATE_HOLD: -11,
} as const;

export type HoldRefusalName = keyof typeof HoldRefusal;

const NAME_BY_STATUS = new Map(
  Object.entries(HoldRefusal).map(([name, status]) => [status as number, name as HoldRefusalName]),
);

// Refusals without their own AppErrorCode borrow the nearest one; `refusal` keeps the precise name.
const MEANING: Record<HoldRefusalName, { code: AppErrorCode; userMessage: string }> = {
  SEAT_TAKEN: {
    code: AppErrorCode.SEAT_TAKEN,
    userMessage: 'Someone just took some of these seats.',
  },
  HOLD_LIMIT_REACHED: {
    code: AppErrorCode.HOLD_LIMIT_REACHED,
    userMessage: 'You already hold as many seats as this event allows.',
  },
  HOLD_EXPIRED: {
    code: AppErrorCode.HOLD_EXPIRED,
    userMessage: 'Your hold on these seats has expired.',
  },
  NOT_FOUND: { code: AppErrorCode.NOT_FOUND, userMessage: 'We could not find that hold or seat.' },
  ADMISSION_REQUIRED: {
    code: AppErrorCode.ADMISSION_REQUIRED,
    userMessage: 'Please wait for your turn in the waiting room.',
  },
  STRANDED_SEAT: {
    code: AppErrorCode.CONFLICT,
    userMessage:
      'That choice would leave a single empty seat on its own; pick seats next to it or another block.',
  },
  EVENT_NOT_LOADED: {
    code: AppErrorCode.SERVICE_UNAVAILABLE,
    userMessage: 'Seats for this event are being prepared; try again in a moment.',
  },
  NO_ADJACENT_SEATS: {
    code: AppErrorCode.SEAT_TAKEN,
    userMessage: 'Not enough seats are left together; try fewer seats or another price tier.',
  },
  ALREADY_EXTENDED: {
    code: AppErrorCode.CONFLICT,
    userMessage: 'This hold has already been extended.',
  },
  ALREADY_SOLD: { code: AppErrorCode.CONFLICT, userMessage: 'These seats are already yours.' },
  DUPLICATE_HOLD: { code: AppErrorCode.CONFLICT, userMessage: 'This hold was already placed.' },
};

/** Carries the script's refusal name and, for seat refusals, which seats were in the way. */
export class HoldRefusedError extends AppError {
  readonly refusal: HoldRefusalName;
  readonly seatIds: number[];

  constructor(refusal: HoldRefusalName, seatIds: number[], detail: string) {
    const { code, userMessage } = MEANING[refusal];
    // Seat ids travel to the client in appError.seatIds so it can update its selection.
    super(code, {
      userMessage,
      message: `${refusal}${detail}`,
      ...(seatIds.length > 0 && { seatIds }),
    });
    this.name = 'HoldRefusedError';
    this.refusal = refusal;
    this.seatIds = seatIds;
  }
}

const SEAT_REFUSALS: ReadonlySet<HoldRefusalName> = new Set([
  'SEAT_TAKEN',
  'NOT_FOUND',
  'STRANDED_SEAT',
]);

/** Returns a successful reply unchanged; throws the matching HoldRefusedError otherwise. */
export const assertScriptSucceeded = (reply: LuaReply): LuaReply => {
  const status = Number(reply[0]);
  if (status >= 0) return reply;
  const refusal = NAME_BY_STATUS.get(status);
  if (!refusal) throw new Error(`Seat-state script returned unknown status ${status}`);
  const payload = reply.slice(1).map(Number);
  const seatIds = SEAT_REFUSALS.has(refusal) ? payload : [];
  const detail = payload.length > 0 ? ` (${payload.join(', ')})` : '';
  throw new HoldRefusedError(refusal, seatIds, detail);
};
