// Admin controls: pause (admissions stop; places and admitted sessions are kept), resume, end.
// A conditional Postgres update first, then Redis (the window mirror and the event gate), so
// Redis never says more than Postgres. Each returns false when the window was not in a state the
// action applies to.
import type { Db } from '@tessera/db/client';
import { restoreAndMirrorWindow } from './publish-window.ts';
import type { WindowAdminOptions } from './waiting-room-options.ts';

const move = async (
  { prisma, redis, prefix, windowId }: WindowAdminOptions,
  from: Db.OnSaleStatus[],
  to: Db.OnSaleStatus,
): Promise<boolean> => {
  const { count } = await prisma.onSaleWindow.updateMany({
    where: { id: windowId, status: { in: from } },
    data: { status: to },
  });
  const row = await prisma.onSaleWindow.findUnique({ where: { id: windowId } });
  // Mirror even when nothing moved, so Redis converges on what Postgres says.
  if (row) await restoreAndMirrorWindow({ prisma, redis, prefix, row });
  return count === 1;
};

/** OPEN -> PAUSED: nobody new is admitted; the pace does not bank the paused time. */
export const pauseWindow = (options: WindowAdminOptions) => move(options, ['OPEN'], 'PAUSED');

export const resumeWindow = (options: WindowAdminOptions) => move(options, ['PAUSED'], 'OPEN');

/** Ends a window now: the gate opens (no token needed), fans still waiting are told it ended. */
export const endWindow = (options: WindowAdminOptions) =>
  move(options, ['SCHEDULED', 'OPEN', 'PAUSED'], 'ENDED');
