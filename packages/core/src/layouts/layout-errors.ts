// The refusals of a layout save, worded for the admin who has to fix them.
import { AppErrorCode } from '@tessera/contracts/errors';
import type { LayoutIssue } from '@tessera/contracts/layouts';
import { AppError } from '../errors/app-error.ts';
import type { ExistingSeat } from './plan-layout-change.ts';
import type { SeatInUse } from './venue-layout.repository.ts';

const LIST_LIMIT = 10;

export const layoutInvalid = (issues: LayoutIssue[]) => {
  const errors = issues.filter((i) => i.severity === 'error');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem(s))` : '';
  return new AppError(AppErrorCode.VALIDATION, {
    userMessage: `The layout cannot be saved: ${errors[0]?.message ?? 'it is invalid.'}${more}`,
  });
};

export const staleLayout = (current: number) =>
  new AppError(AppErrorCode.CONFLICT, {
    userMessage: `Someone saved this venue's layout in the meantime (now version ${current}). Reload it, then make your change again.`,
  });

/** Names each seat a change may not drop or move, with what holds it, and what to do instead. */
export const seatsInUse = (inUse: SeatInUse[], seats: Map<number, ExistingSeat>) => {
  const byId = new Map<number, SeatInUse>();
  for (const use of inUse) if (!byId.has(use.seatId)) byId.set(use.seatId, use);
  const named = [...byId.values()].map((use) => {
    const s = seats.get(use.seatId);
    const name = s ? `${s.section} row ${s.row} seat ${s.label}` : `seat #${use.seatId}`;
    return `${name} (${use.reason}, ${use.eventTitle})`;
  });
  const shown = named.slice(0, LIST_LIMIT).join('; ');
  const rest = named.length > LIST_LIMIT ? ` and ${named.length - LIST_LIMIT} more` : '';
  return new AppError(AppErrorCode.CONFLICT, {
    userMessage: `These seats are sold, held or on tickets for events at this venue, so the layout cannot drop or move them: ${shown}${rest}. Keep them where they are (same section, row, label and place).`,
    seatIds: [...byId.keys()],
  });
};
