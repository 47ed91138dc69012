// admin.onSales.pause / resume / end / cancel: status changes an admin may make, and which
// statuses each one starts from; the Redis side (queue + hold gate) follows in the same call.
import type { Db } from '@tessera/db/client';
import { AppErrorCode } from '@tessera/contracts/errors';
import type { AdminOnSaleWindow } from '@tessera/contracts/on-sales';
import { AppError } from '../errors/app-error.ts';
import { publishWindow } from '../waiting-room/publish-window.ts';
import { endWindow, pauseWindow, resumeWindow } from '../waiting-room/window-controls.ts';
import { toAdminOnSaleWindow } from './on-sale-window-view.ts';
import { findOnSaleWindow, updateOnSaleWindow } from './on-sale-window.repository.ts';
import { notFound, type OnSaleDeps } from './schedule-on-sale-window.ts';

export type OnSaleControl = 'pause' | 'resume' | 'end' | 'cancel';

const RULES: Record<OnSaleControl, { from: Db.OnSaleStatus[]; refusal: string }> = {
  pause: { from: ['OPEN'], refusal: 'Only an open window can be paused.' },
  resume: { from: ['PAUSED'], refusal: 'Only a paused window can be resumed.' },
  end: { from: ['OPEN', 'PAUSED'], refusal: 'Only an open or paused window can be ended.' },
  cancel: {
    from: ['SCHEDULED'],
    refusal: 'Only a window that has not started can be cancelled; end an open one instead.',
  },
};

export const controlOnSaleWindow = async ({
  id,
  action,
  ...deps
}: OnSaleDeps & { id: string; action: OnSaleControl }): Promise<AdminOnSaleWindow> => {
  const current = await findOnSaleWindow({ ...deps, id });
  if (!current) throw notFound();
  const rule = RULES[action];
  if (!rule.from.includes(current.status))
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: `${rule.refusal} This one is ${current.status.toLowerCase()}.`,
    });
  const options = { ...deps, windowId: id };
  if (action === 'pause') await pauseWindow(options);
  else if (action === 'resume') await resumeWindow(options);
  else if (action === 'end') await endWindow(options);
  else {
    const row = await updateOnSaleWindow({
      ...deps,
      id,
      fromStatuses: rule.from,
      data: { status: 'CANCELLED' },
    });
    if (!row)
      throw new AppError(AppErrorCode.CONFLICT, {
        userMessage: 'The window started meanwhile; end it instead.',
      });
    await publishWindow(options);
  }
  const row = await findOnSaleWindow({ ...deps, id });
  return toAdminOnSaleWindow(row ?? current);
};
