// Turns a refused holds.create into what the fan reads and what the page does next: drop seats
// someone else took, refresh the map, or send the fan to sign in.
import { describeError, readAppError } from '../../lib/app-error.ts';
import { describeSeats, type SeatIndex } from './seat-index.ts';

export interface HoldFailure {
  message: string;
  /** Seats to remove from the selection (taken by someone else). */
  dropSeatIds: number[];
  /** The seat map is out of date: refetch the snapshot. */
  refresh: boolean;
  signIn: boolean;
}

export const explainHoldFailure = ({
  error,
  seatIndex,
  limit,
}: {
  error: unknown;
  seatIndex: SeatIndex;
  /** The per-fan seat limit of the open window. */
  limit: number;
}): HoldFailure => {
  const appError = readAppError(error);
  const seatIds = appError?.seatIds ?? [];
  const base = { dropSeatIds: [], refresh: false, signIn: false };
  switch (appError?.code) {
    case 'UNAUTHENTICATED':
      return { ...base, message: 'Sign in to hold seats.', signIn: true };
    case 'SEAT_TAKEN':
      if (seatIds.length === 0) return { ...base, message: appError.userMessage, refresh: true };
      return {
        message: `${describeSeats(seatIds, seatIndex)} ${seatIds.length === 1 ? 'was' : 'were'} just taken by someone else. We removed ${seatIds.length === 1 ? 'it' : 'them'} from your selection.`,
        dropSeatIds: seatIds,
        refresh: true,
        signIn: false,
      };
    case 'CONFLICT':
      if (seatIds.length === 0) return { ...base, message: appError.userMessage, refresh: true };
      return {
        ...base,
        message: `That would leave ${describeSeats(seatIds, seatIndex, { sentenceStart: false })} as a single empty seat between taken seats. Add it to your selection, or pick seats elsewhere in the row.`,
        refresh: true,
      };
    case 'HOLD_LIMIT_REACHED':
      return {
        ...base,
        message: `You can hold at most ${limit} seats for this event. Release a hold or choose fewer seats.`,
      };
    case 'NOT_FOUND':
      return { ...base, message: appError.userMessage, refresh: true };
    default:
      return { ...base, message: describeError(error) };
  }
};
