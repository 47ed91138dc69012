// Rewrites a hold script refusal into a message naming the seats ("Seat F12 was just taken by
// someone else."), keeping the seat ids so the client can update its selection.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { HoldRefusedError } from '../holds/hold-refusal.ts';
import { seatInfoOf, type EventSaleInfo } from './event-sale-info.ts';

const seatList = (info: EventSaleInfo, seatIds: number[], word = 'Seat') => {
  const names = seatIds.map((id) => seatInfoOf(info, id).shortLabel);
  return names.length === 1 ? `${word} ${names[0]}` : `${word}s ${names.join(', ')}`;
};

export const explainHoldRefusal = (error: unknown, info: EventSaleInfo): unknown => {
  if (!(error instanceof HoldRefusedError)) return error;
  const many = error.seatIds.length > 1;
  const seats = seatList(info, error.seatIds);
  const rewrite = (code: AppErrorCode, userMessage: string) =>
    new AppError(code, {
      userMessage,
      message: error.message,
      seatIds: error.seatIds,
      cause: error,
    });
  switch (error.refusal) {
    case 'SEAT_TAKEN':
      return rewrite(
        AppErrorCode.SEAT_TAKEN,
        `${seats} ${many ? 'were' : 'was'} just taken by someone else.`,
      );
    case 'NOT_FOUND':
      return rewrite(AppErrorCode.NOT_FOUND, `${seats} ${many ? 'do' : 'does'} not exist here.`);
    case 'STRANDED_SEAT':
      return rewrite(
        AppErrorCode.CONFLICT,
        `That choice would leave ${seatList(info, error.seatIds, 'seat')} empty on its own; pick seats next to it or another block.`,
      );
    case 'HOLD_LIMIT_REACHED':
      return rewrite(
        AppErrorCode.HOLD_LIMIT_REACHED,
        `You can hold at most ${info.perFanSeatLimit} seats for this event.`,
      );
    default:
      return error;
  }
};
