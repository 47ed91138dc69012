// admin.onSales.list: every window of one event, in start order, settings and lottery included.
import type { PrismaClient } from '@tessera/db/client';
import type { AdminOnSaleWindow } from '@tessera/contracts/on-sales';
import { toAdminOnSaleWindow } from './on-sale-window-view.ts';
import { findEventWindows } from './on-sale-window.repository.ts';

export const listOnSaleWindows = async ({
  prisma,
  eventId,
}: {
  prisma: PrismaClient;
  eventId: string;
}): Promise<{ windows: AdminOnSaleWindow[] }> => ({
  windows: (await findEventWindows({ prisma, eventId })).map(toAdminOnSaleWindow),
});
